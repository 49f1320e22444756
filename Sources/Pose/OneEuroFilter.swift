import Foundation

/// MediaPipe's One-Euro filter (one_euro_filter.cc): a low-pass filter whose cutoff rises with the (scaled) speed.
struct OneEuroFilter {
    var minCutoff: Double
    var beta: Double
    var derivativeCutoff: Double
    private var lastTime: Double?
    private var lastRaw: Double?
    private var smoothed: Double?
    private var smoothedDerivative: Double?

    init(minCutoff: Double, beta: Double, derivativeCutoff: Double) {
        self.minCutoff = minCutoff
        self.beta = beta
        self.derivativeCutoff = derivativeCutoff
    }

    /// Filters `value` at `time` (seconds). `valueScale` makes the speed scale-invariant (1/object size).
    mutating func filter(_ value: Double, time: Double, valueScale: Double) -> Double {
        guard let lastTime, let lastRaw, let smoothed, let smoothedDerivative else {
            self.lastTime = time
            self.lastRaw = value
            self.smoothed = value
            self.smoothedDerivative = 0
            return value
        }
        guard time > lastTime else { return value }
        let frequency = 1 / (time - lastTime)
        let derivative = (value - lastRaw) * valueScale * frequency
        let edx = Self.lowPass(derivative, previous: smoothedDerivative, alpha: Self.alpha(derivativeCutoff, frequency))
        let cutoff = minCutoff + beta * abs(edx)
        let output = Self.lowPass(value, previous: smoothed, alpha: Self.alpha(cutoff, frequency))
        self.lastTime = time
        self.lastRaw = value
        self.smoothed = output
        self.smoothedDerivative = edx
        return output
    }

    private static func alpha(_ cutoff: Double, _ frequency: Double) -> Double {
        let tau = 1 / (2 * Double.pi * cutoff)
        return 1 / (1 + tau * frequency)
    }

    private static func lowPass(_ value: Double, previous: Double, alpha: Double) -> Double {
        alpha * value + (1 - alpha) * previous
    }
}
