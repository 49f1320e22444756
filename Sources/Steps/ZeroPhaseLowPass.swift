import Foundation

/// Second-order Butterworth low-pass run forward and backward (zero phase, 4th-order magnitude response).
///
/// Zero phase matters here: a causal filter would delay every extremum and so every heel strike.
/// Coefficients come from the bilinear transform with pre-warping (the same design as SciPy's `butter(2, …)`).
public struct ZeroPhaseLowPass: Sendable {
    public let cutoffHz: Double
    public let sampleRate: Double
    private let b0: Double, b1: Double, b2: Double, a1: Double, a2: Double

    public init(cutoffHz: Double, sampleRate: Double) {
        let fc = min(max(cutoffHz, 1e-6), sampleRate * 0.49)
        self.cutoffHz = fc
        self.sampleRate = sampleRate
        let k = tan(Double.pi * fc / sampleRate)
        let norm = 1 / (1 + 2.0.squareRoot() * k + k * k)
        b0 = k * k * norm
        b1 = 2 * b0
        b2 = b0
        a1 = 2 * (k * k - 1) * norm
        a2 = (1 - 2.0.squareRoot() * k + k * k) * norm
    }

    /// Filters `x` forward then backward. The ends are padded by odd reflection (as `filtfilt` does) and the filter
    /// state starts at the steady state of the first padded value, so edges neither ring nor droop.
    public func apply(_ x: [Double]) -> [Double] {
        let n = x.count
        guard n >= 3 else { return x }
        let pad = min(n - 1, max(6, Int((3 * sampleRate / cutoffHz).rounded())))
        var ext = [Double]()
        ext.reserveCapacity(n + 2 * pad)
        for i in stride(from: pad, through: 1, by: -1) { ext.append(2 * x[0] - x[i]) }
        ext.append(contentsOf: x)
        for i in 1...pad { ext.append(2 * x[n - 1] - x[n - 1 - i]) }
        var y = run(ext)
        y.reverse()
        y = run(y)
        y.reverse()
        return Array(y[pad..<(pad + n)])
    }

    private func run(_ x: [Double]) -> [Double] {
        guard let first = x.first else { return x }
        // Transposed direct form II, started in the steady state for a constant input `first`.
        var z2 = (b2 - a2) * first
        var z1 = (b1 - a1) * first + z2
        var y = [Double](repeating: 0, count: x.count)
        for i in 0..<x.count {
            let v = x[i]
            let out = b0 * v + z1
            z1 = b1 * v - a1 * out + z2
            z2 = b2 * v - a2 * out
            y[i] = out
        }
        return y
    }
}
