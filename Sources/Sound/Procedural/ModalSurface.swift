import FootfallCore
import Foundation

/// A hard floor as a struck body: the step's force drives a bank of two-pole resonators (modal synthesis).
struct ModalSurface: SurfaceModel {
    struct Mode: Sendable {
        var frequency: Double
        /// Seconds to −60 dB.
        var decay: Double
        var gain: Double
    }

    var modes: [Mode]
    /// Per-step random detuning of each mode (fraction), on top of the step's pitch: a different spot on the floor.
    var modeJitter: Double
    /// The contact itself (grit, scuff) heard directly: the clicks through a low-pass.
    var contactNoise: Double
    var contactLowpass: Double
    var tail: Double
    var thumpTransmission: Double
    var clickTransmission: Double

    func render(_ excitation: StepExcitation, count: Int, rng: inout SeededRandom) -> [Double] {
        let rate = excitation.sampleRate
        let force = excitation.force(count: count, rng: &rng)
        var out = [Double](repeating: 0, count: count)
        for mode in modes {
            let detune = 1 + modeJitter * rng.bipolar()
            let gain = mode.gain * rng.uniform(0.8...1.2)
            var resonator = TwoPoleResonator(
                frequency: mode.frequency * excitation.pitch * detune, decay: mode.decay, sampleRate: rate, gain: gain)
            for i in 0..<count { out[i] += resonator.process(force[i]) }
        }
        let grit = contactNoise * excitation.shoe.grit
        if grit > 0 {
            // Grit under the sole: short noise following the force, dull.
            var lowpass = Biquad(.lowpass, frequency: contactLowpass * excitation.pitch, sampleRate: rate)
            let load = excitation.forcePulses(count: count)
            var smoothed = 0.0
            let follow = exp(-1 / (0.004 * rate))
            for i in 0..<count {
                smoothed = max(load[i], smoothed * follow)
                out[i] += grit * lowpass.process(rng.bipolar() * smoothed)
            }
        }
        return out
    }
}

extension ModalSurface {
    /// Dull and short: heavily damped low modes, most of the sound is the contact grit.
    static let concrete = ModalSurface(
        modes: [
            Mode(frequency: 140, decay: 0.05, gain: 0.8), Mode(frequency: 380, decay: 0.03, gain: 0.6),
            Mode(frequency: 820, decay: 0.025, gain: 0.45), Mode(frequency: 1500, decay: 0.018, gain: 0.3),
            Mode(frequency: 2600, decay: 0.012, gain: 0.18), Mode(frequency: 4100, decay: 0.008, gain: 0.1),
        ], modeJitter: 0.04, contactNoise: 0.6, contactLowpass: 5000, tail: 0.16, thumpTransmission: 0.5,
        clickTransmission: 1.0)

    /// Floorboards: low, resonant, boomy; modes ring 100–300 ms.
    static let wood = ModalSurface(
        modes: [
            Mode(frequency: 95, decay: 0.28, gain: 1.0), Mode(frequency: 172, decay: 0.24, gain: 0.9),
            Mode(frequency: 248, decay: 0.2, gain: 0.75), Mode(frequency: 385, decay: 0.16, gain: 0.6),
            Mode(frequency: 560, decay: 0.12, gain: 0.5), Mode(frequency: 830, decay: 0.09, gain: 0.45),
            Mode(frequency: 1240, decay: 0.06, gain: 0.4), Mode(frequency: 1900, decay: 0.04, gain: 0.3),
        ], modeJitter: 0.03, contactNoise: 0.03, contactLowpass: 2500, tail: 0.32, thumpTransmission: 1.0,
        clickTransmission: 0.3)

    /// Tile and stone: stiff, bright, short.
    static let tile = ModalSurface(
        modes: [
            Mode(frequency: 720, decay: 0.03, gain: 0.35), Mode(frequency: 1650, decay: 0.04, gain: 0.55),
            Mode(frequency: 2600, decay: 0.045, gain: 0.7), Mode(frequency: 3750, decay: 0.04, gain: 0.75),
            Mode(frequency: 5100, decay: 0.035, gain: 0.6), Mode(frequency: 6900, decay: 0.03, gain: 0.45),
            Mode(frequency: 9100, decay: 0.02, gain: 0.3),
        ], modeJitter: 0.05, contactNoise: 0.1, contactLowpass: 8000, tail: 0.14, thumpTransmission: 0.35,
        clickTransmission: 1.2)

    /// A metal plate or grating: inharmonic high-Q modes that ring for about a second.
    static let metal = ModalSurface(
        modes: [
            Mode(frequency: 310, decay: 1.4, gain: 0.6), Mode(frequency: 733, decay: 1.5, gain: 0.7),
            Mode(frequency: 1187, decay: 1.3, gain: 0.7), Mode(frequency: 1721, decay: 1.1, gain: 0.6),
            Mode(frequency: 2462, decay: 0.9, gain: 0.5), Mode(frequency: 3351, decay: 0.7, gain: 0.4),
            Mode(frequency: 4409, decay: 0.5, gain: 0.3), Mode(frequency: 5903, decay: 0.35, gain: 0.2),
        ], modeJitter: 0.015, contactNoise: 0.02, contactLowpass: 6000, tail: 1.3, thumpTransmission: 0.3,
        clickTransmission: 0.6)
}
