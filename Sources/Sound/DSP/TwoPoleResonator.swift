import Foundation

/// A two-pole resonator: one mode of a vibrating body (y[n] = b0·x[n] + a1·y[n−1] − a2·y[n−2]).
struct TwoPoleResonator {
    /// How the input is scaled.
    enum Normalization {
        /// A unit impulse rings with amplitude `gain` whatever the decay (struck bodies: modal amplitude ≠ Q).
        case impulse
        /// Gain `gain` at the resonance (noise-driven filters: the PhISEM resonator bank).
        case peak
    }

    private var a1 = 0.0
    private var a2 = 0.0
    private var b0 = 0.0
    private var y1 = 0.0
    private var y2 = 0.0

    init(
        frequency: Double, decay: Double, sampleRate: Double, gain: Double = 1, normalization: Normalization = .impulse
    ) {
        tune(frequency: frequency, decay: decay, sampleRate: sampleRate, gain: gain, normalization: normalization)
    }

    /// Sets a new frequency and decay (time to −60 dB in seconds) keeping the ringing state, as PhISEM retunes per
    /// collision.
    mutating func tune(
        frequency: Double, decay: Double, sampleRate: Double, gain: Double = 1, normalization: Normalization = .impulse
    ) {
        let omega = 2 * Double.pi * min(max(frequency, 1), sampleRate * 0.49) / sampleRate
        let r = pow(0.001, 1 / max(decay * sampleRate, 1))
        a1 = 2 * r * cos(omega)
        a2 = r * r
        switch normalization {
        case .impulse: b0 = gain * sin(omega)
        case .peak: b0 = gain * (1 - r) * (1 - 2 * r * cos(2 * omega) + r * r).squareRoot()
        }
    }

    mutating func process(_ x: Double) -> Double {
        let y = b0 * x + a1 * y1 - a2 * y2
        y2 = y1
        y1 = y
        return y
    }
}
