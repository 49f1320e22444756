import FootfallCore
import Foundation

/// RBJ-cookbook biquad (transposed direct form II), for shaping noise and excitations.
struct Biquad {
    private var b0 = 1.0
    private var b1 = 0.0
    private var b2 = 0.0
    private var a1 = 0.0
    private var a2 = 0.0
    private var z1 = 0.0
    private var z2 = 0.0

    enum Kind { case lowpass, highpass, bandpass }

    init(_ kind: Kind, frequency: Double, q: Double = 0.7071, sampleRate: Double) {
        let w = 2 * Double.pi * min(max(frequency, 1), sampleRate * 0.45) / sampleRate
        let alpha = sin(w) / (2 * q)
        let c = cos(w)
        let a0 = 1 + alpha
        switch kind {
        case .lowpass:
            b0 = (1 - c) / 2
            b1 = 1 - c
            b2 = (1 - c) / 2
        case .highpass:
            b0 = (1 + c) / 2
            b1 = -(1 + c)
            b2 = (1 + c) / 2
        case .bandpass:
            b0 = alpha
            b1 = 0
            b2 = -alpha
        }
        a1 = -2 * c
        a2 = 1 - alpha
        b0 /= a0
        b1 /= a0
        b2 /= a0
        a1 /= a0
        a2 /= a0
    }

    mutating func process(_ x: Double) -> Double {
        let y = b0 * x + z1
        z1 = b1 * x - a1 * y + z2
        z2 = b2 * x - a2 * y
        return y
    }

    /// Filters a whole signal in place.
    mutating func apply(_ signal: inout [Double]) {
        for i in signal.indices { signal[i] = process(signal[i]) }
    }
}

extension SeededRandom {
    /// Uniform in [−1, 1): white noise for excitations.
    mutating func bipolar() -> Double { unit() * 2 - 1 }
}
