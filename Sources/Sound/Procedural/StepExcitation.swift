import FootfallCore
import Foundation

/// The ground-reaction force of one step: a heel contact, then the toe/ball contact, each a smooth force pulse
/// (a half-Hann rise, shoe-dependent, then a slower fall) plus the sole's click.
///
/// A runner lands on the forefoot, harder and shorter (peak force two to three body weights against a walk's
/// 1.2, contact about half as long): at a run's pace the first contact is the ball's, shorter and sharper, and the
/// second a lighter heel drop close after it.
struct StepExcitation {
    struct Contact {
        var start: Int
        var amplitude: Double
        /// Seconds: the force rises over `riseLength` and falls over the rest of `pulseLength`.
        var riseLength: Double
        var pulseLength: Double
        var click: Double
        var isHeel: Bool
    }

    let sampleRate: Double
    let shoe: ShoeProfile
    let intensity: Double
    var contacts: [Contact]
    /// Pitch ratio of this step: scales every frequency of the surface and shoe.
    let pitch: Double

    var heel: Contact { contacts[0] }
    var toe: Contact { contacts[1] }

    init(request: SoundRequest, variation: StepVariation, preRoll: Int) {
        sampleRate = Double(request.sampleRate)
        shoe = ShoeProfile.profile(for: request.shoe)
        let intensity = request.safeIntensity
        self.intensity = intensity
        pitch = variation.pitchRatio
        // Harder steps are shorter impacts (brighter) with more click; a run's forefoot landing more so.
        let run = Self.runShare(stepInterval: request.safeStepInterval)
        let hardness = (1.3 - 0.6 * intensity) * (1 - 0.35 * run)
        let heelPulse = shoe.heelPulse * hardness * variation.pulseScale
        let heelRise = shoe.heelRise * hardness * (1 - 0.3 * run) * variation.pulseScale
        // The forefoot slaps down: more of the sole's click.
        let click = shoe.click * (0.6 + 0.8 * intensity) * (1 + run)
        let toeStart = preRoll + Int(variation.toeDelay * sampleRate)
        contacts = [
            Contact(
                start: preRoll, amplitude: 1, riseLength: heelRise, pulseLength: heelPulse, click: click, isHeel: true),
            Contact(
                start: toeStart,
                amplitude: shoe.toeLevel * variation.toeLevelScale * (1 - run) + Self.runHeelDrop * run,
                riseLength: heelRise * shoe.toePulseScale * 1.5, pulseLength: heelPulse * shoe.toePulseScale,
                click: click * 0.5, isHeel: false),
        ]
    }

    /// The second contact's level at a run: the heel settling after a forefoot landing.
    static let runHeelDrop = 0.3

    /// How much a step is a run's, from its interval: a walk's 0.45 s or more is 0, a run's 0.33 s or less 1.
    static func runShare(stepInterval: Double?) -> Double {
        guard let interval = stepInterval else { return 0 }
        return min(1, max(0, (0.45 - interval) / 0.12))
    }

    /// The smooth force pulses only (what compresses an aggregate or bends a floor), length `count`.
    /// `stretch` lengthens the pulses (a compressing aggregate loads more slowly than a floor); `unitArea` scales each
    /// pulse to carry the contact's momentum (area = amplitude) instead of peaking at its amplitude.
    func forcePulses(count: Int, stretch: Double = 1, unitArea: Bool = false) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        for c in contacts {
            let rise = max(1, Int(c.riseLength * stretch * sampleRate))
            let fall = max(1, Int((c.pulseLength - c.riseLength) * stretch * sampleRate))
            // Area of a half-Hann rise + half-Hann fall is (rise + fall) / 2.
            let scale = unitArea ? c.amplitude * 2 / Double(rise + fall) : c.amplitude
            for i in 0..<(rise + fall) where c.start + i < count {
                let shape =
                    i < rise
                    ? 0.5 * (1 - cos(Double.pi * Double(i) / Double(rise)))
                    : 0.5 * (1 + cos(Double.pi * Double(i - rise) / Double(fall)))
                out[c.start + i] += scale * shape
            }
        }
        return out
    }

    /// The sole-edge clicks: band-limited noise bursts with a fast exponential decay, length `count`.
    func clicks(count: Int, rng: inout SeededRandom) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        guard shoe.click > 0 else { return out }
        let decay = shoe.clickDecay / pitch
        for c in contacts where c.click > 0 {
            var low = Biquad(.highpass, frequency: shoe.clickLow * pitch, sampleRate: sampleRate)
            var high = Biquad(.lowpass, frequency: shoe.clickHigh * pitch, sampleRate: sampleRate)
            let n = Int(decay * 8 * sampleRate)
            for i in 0..<n where c.start + i < count {
                let env = exp(-Double(i) / (decay * sampleRate))
                out[c.start + i] += c.amplitude * c.click * high.process(low.process(rng.bipolar() * env))
            }
        }
        return out
    }

    /// The whole impulsive excitation (pulses + clicks) that drives a struck body.
    func force(count: Int, rng: inout SeededRandom) -> [Double] {
        let pulses = forcePulses(count: count, unitArea: true)
        let clicks = clicks(count: count, rng: &rng)
        return zip(pulses, clicks).map { $0 + $1 }
    }
}
