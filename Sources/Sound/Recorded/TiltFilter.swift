import Foundation

/// A gentle spectral tilt around 1 kHz: `tiltDB` > 0 brightens (highs up, lows down by half of it each), < 0
/// darkens. Made of a one-pole low-pass and its complement, so at 0 dB it returns the input exactly — the
/// variation a different shoe sole or microphone angle would give, not a colour of its own.
enum TiltFilter {
    static let pivot = 1_000.0

    static func apply(_ input: [Float], tiltDB: Double, sampleRate: Int) -> [Float] {
        guard abs(tiltDB) > 1e-6 else { return input }
        let high = pow(10, tiltDB / 40)
        let low = 1 / high
        let a = exp(-2 * Double.pi * pivot / Double(sampleRate))
        var state = 0.0
        return input.map { sample in
            let x = Double(sample)
            state = (1 - a) * x + a * state
            return Float(low * state + high * (x - state))
        }
    }
}
