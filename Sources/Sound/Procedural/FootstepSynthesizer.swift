import FootfallCore
import Foundation

/// Builds one footstep: shoe excitation (heel, then toe) → surface model, plus the foot's low thump, the sole's
/// direct click and (barefoot) the skin slap; then level and transient.
struct FootstepSynthesizer {
    /// Silence before the heel contact so the attack is never cut.
    static let preRollSeconds = 0.002
    /// Fade at the end so a cut tail does not click.
    static let fadeSeconds = 0.01
    /// How long after the heel contact its impact may peak. Short, so the sound's onset is at most ~15 ms before
    /// the peak the mixer puts on the step time (sound early is noticed from ~45 ms); a crunch building up later is
    /// kept below the heel by `HeelEmphasis`.
    static let attackSeconds = 0.015
    /// Below this the step is cut (Hz): two-pole resonators pass much of a smooth force pulse's near-DC content,
    /// so without it a barefoot step on concrete had 97 % of its energy below 100 Hz (centroid 43 Hz) — felt, not
    /// heard, and the recordings have little there.
    static let subsonicHighpass = 60.0

    func sound(for request: SoundRequest) -> FootstepSound {
        let rate = Double(request.sampleRate)
        // Independent random streams, so changing one part's draws does not change the others.
        var variationRandom = SeededRandom(seed: request.seed, stream: 1)
        var surfaceRandom = SeededRandom(seed: request.seed, stream: 2)
        var shoeRandom = SeededRandom(seed: request.seed, stream: 3)
        let variation = StepVariation(request: request, rng: &variationRandom)
        let preRoll = Int(Self.preRollSeconds * rate)
        let excitation = StepExcitation(request: request, variation: variation, preRoll: preRoll)
        let model = request.surface.model
        let count = excitation.toe.start + Int(model.tail * rate)

        var mix = model.render(excitation, count: count, rng: &surfaceRandom)
        add(thumpOf: excitation, model: model, to: &mix)
        let clicks = excitation.clicks(count: count, rng: &shoeRandom)
        for i in 0..<count { mix[i] += model.clickTransmission * clicks[i] }
        if excitation.shoe.slap > 0 { add(slapOf: excitation, model: model, to: &mix, rng: &shoeRandom) }
        // Fourth order: a bare foot's slow, clickless pulse still left 18 % of its energy below 50 Hz at second.
        var subsonic = Biquad(.highpass, frequency: Self.subsonicHighpass, sampleRate: rate)
        var subsonic2 = Biquad(.highpass, frequency: Self.subsonicHighpass, sampleRate: rate)
        for i in mix.indices { mix[i] = subsonic2.process(subsonic.process(mix[i])) }
        applyFadeOut(&mix, rate: rate)

        var samples = mix.map { Float($0) }
        // The transient is the heel impact: the envelope peak in its attack, before the toe contact.
        let envelope = TransientFinder.envelope(AudioBuffer(sampleRate: request.sampleRate, channels: [samples]))
        let attackEnd = min(excitation.toe.start, excitation.heel.start + Int(Self.attackSeconds * rate))
        let heelWindow = excitation.heel.start..<max(excitation.heel.start + 1, attackEnd)
        var transient = TransientFinder.peak(in: envelope, range: heelWindow)
        // Make it a true local peak: follow the envelope while it still rises within the next 2 ms (a crunch that
        // is still building), up to twice the attack window.
        let climbLimit = excitation.heel.start + Int(2 * Self.attackSeconds * rate)
        let lookAhead = Int(0.002 * rate)
        while transient + 1 < envelope.count {
            let ahead = TransientFinder.peak(in: envelope, range: (transient + 1)..<(transient + 1 + lookAhead))
            guard envelope[ahead] > envelope[transient], ahead <= climbLimit else { break }
            transient = ahead
        }
        HeelEmphasis.apply(to: &samples, transient: transient, sampleRate: request.sampleRate)
        var audio = AudioBuffer(sampleRate: request.sampleRate, channels: [samples])
        // The limiter may shave the peak's neighbourhood a little: re-centre on the final envelope.
        let limited = TransientFinder.envelope(audio)
        let margin = Int(0.001 * rate)
        transient = TransientFinder.peak(in: limited, range: max(0, transient - margin)..<(transient + margin / 2 + 1))
        normalize(&audio, request: request, variation: variation)
        return FootstepSound(audio: audio, transientIndex: transient)
    }

    /// The foot's mass landing: the force pulses through a low, damped resonance.
    private func add(thumpOf excitation: StepExcitation, model: any SurfaceModel, to mix: inout [Double]) {
        let gain = excitation.shoe.weight * model.thumpTransmission
        guard gain > 0 else { return }
        let pulses = excitation.forcePulses(count: mix.count, unitArea: true)
        var body = TwoPoleResonator(
            frequency: excitation.shoe.thumpFrequency * excitation.pitch, decay: 0.07,
            sampleRate: excitation.sampleRate, gain: gain * 1.5)
        for i in mix.indices { mix[i] += body.process(pulses[i]) }
    }

    /// Skin on the ground: a dull, very short noise burst at each contact.
    private func add(
        slapOf excitation: StepExcitation, model: any SurfaceModel, to mix: inout [Double], rng: inout SeededRandom
    ) {
        let rate = excitation.sampleRate
        let level = excitation.shoe.slap * (0.3 + model.clickTransmission)
        for c in excitation.contacts {
            var lowpass = Biquad(.lowpass, frequency: 1800 * excitation.pitch, sampleRate: rate)
            var highpass = Biquad(.highpass, frequency: 150, sampleRate: rate)
            let n = Int(0.03 * rate)
            for i in 0..<n where c.start + i < mix.count {
                let t = Double(i) / rate
                let env = (1 - exp(-t / 0.0008)) * exp(-t / 0.005)
                mix[c.start + i] += level * c.amplitude * highpass.process(lowpass.process(rng.bipolar() * env))
            }
        }
    }

    private func applyFadeOut(_ mix: inout [Double], rate: Double) {
        let n = min(mix.count, Int(Self.fadeSeconds * rate))
        for i in 0..<n { mix[mix.count - n + i] *= 1 - Double(i + 1) / Double(n) }
    }

    /// Peak at −3 dBFS for a full-intensity step, down to −12 dBFS at intensity 0, ±2 dB per step, never above −1.
    private func normalize(_ audio: inout AudioBuffer, request: SoundRequest, variation: StepVariation) {
        let peak = audio.peak
        guard peak > 0, peak.isFinite else { return }
        let intensity = request.safeIntensity
        let targetDB = min(-3 + 9 * (intensity - 1) + variation.gainDB, -1)
        let scale = Float(pow(10, targetDB / 20)) / peak
        for c in audio.channels.indices {
            for i in audio.channels[c].indices { audio.channels[c][i] *= scale }
        }
    }
}
