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

// Calibrated against the recordings setup installs (bench/sound_descriptors.py; targets and sources in
// Procedural/Resources/calibration.json): length to −30 dB, spectral centroid and band shares of their steps.
extension ModalSurface {
    /// A hard floor as recorded: most of the sound between 250 Hz and 2 kHz (the sole on the floor and the room a
    /// little), some low body, almost nothing above 2 kHz; about 0.1–0.25 s long.
    static let concrete = ModalSurface(
        modes: [
            Mode(frequency: 140, decay: 0.12, gain: 0.7), Mode(frequency: 290, decay: 0.2, gain: 0.8),
            Mode(frequency: 430, decay: 0.18, gain: 0.8), Mode(frequency: 640, decay: 0.14, gain: 0.65),
            Mode(frequency: 980, decay: 0.1, gain: 0.5), Mode(frequency: 1600, decay: 0.05, gain: 0.25),
        ], modeJitter: 0.04, contactNoise: 0.3, contactLowpass: 1800, tail: 0.3, thumpTransmission: 0.45,
        clickTransmission: 0.35)

    /// Floorboards as recorded: a short knock (65–75 ms), centred near 500 Hz, with little boom below 250 Hz.
    static let wood = ModalSurface(
        modes: [
            Mode(frequency: 210, decay: 0.05, gain: 0.25), Mode(frequency: 380, decay: 0.06, gain: 0.7),
            Mode(frequency: 540, decay: 0.06, gain: 0.9), Mode(frequency: 720, decay: 0.055, gain: 0.8),
            Mode(frequency: 990, decay: 0.045, gain: 0.5), Mode(frequency: 1450, decay: 0.03, gain: 0.25),
        ], modeJitter: 0.03, contactNoise: 0.03, contactLowpass: 2000, tail: 0.12, thumpTransmission: 0.2,
        clickTransmission: 0.08)

    /// Tile and stone: stiff, bright, short (no recordings to calibrate against yet).
    static let tile = ModalSurface(
        modes: [
            Mode(frequency: 720, decay: 0.03, gain: 0.35), Mode(frequency: 1650, decay: 0.04, gain: 0.55),
            Mode(frequency: 2600, decay: 0.045, gain: 0.7), Mode(frequency: 3750, decay: 0.04, gain: 0.75),
            Mode(frequency: 5100, decay: 0.035, gain: 0.6), Mode(frequency: 6900, decay: 0.03, gain: 0.45),
            Mode(frequency: 9100, decay: 0.02, gain: 0.3),
        ], modeJitter: 0.05, contactNoise: 0.1, contactLowpass: 8000, tail: 0.14, thumpTransmission: 0.35,
        clickTransmission: 1.2)

    /// A metal floor or grating as recorded: a clang near 600 Hz over some low body, gone in about 0.2 s (a
    /// damped floor plate, not a free-ringing sheet).
    static let metal = ModalSurface(
        modes: [
            Mode(frequency: 230, decay: 0.3, gain: 0.5), Mode(frequency: 480, decay: 0.32, gain: 0.8),
            Mode(frequency: 690, decay: 0.3, gain: 0.7), Mode(frequency: 1010, decay: 0.25, gain: 0.45),
            Mode(frequency: 1470, decay: 0.2, gain: 0.25), Mode(frequency: 2150, decay: 0.15, gain: 0.12),
            Mode(frequency: 3100, decay: 0.1, gain: 0.06),
        ], modeJitter: 0.015, contactNoise: 0.02, contactLowpass: 3000, tail: 0.4, thumpTransmission: 0.8,
        clickTransmission: 0.3)
}
