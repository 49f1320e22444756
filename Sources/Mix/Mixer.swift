import FootfallCore
import Logging
import Sound

/// Mixes one footstep sound per planned step into a stereo track as long as the video, with stems.
///
/// Each sound's transient peak lands exactly on round(step.time × sample rate); pan is constant-power; distance
/// lowers the gain and the highs; overlapping steps add. Then the scene's room (unless dry), loudness
/// normalization and the true-peak limiter.
public struct Mixer: Sendable {
    public struct Output: Sendable {
        /// The finished stereo mix.
        public var mix: AudioBuffer
        public var stems: StemSet
        public var report: MixReport
    }

    /// The dry sum of the placed steps, before room, loudness and limiting.
    public struct Placement: Sendable {
        public var dry: AudioBuffer
        public var placed: Int
        public var skipped: Int
    }

    public var settings: MixSettings
    private let logger = Logger(label: "footfall.mix")

    public init(settings: MixSettings = .init()) { self.settings = settings }

    public func render(plan: FootstepPlan, sounds: [FootstepSound]) throws -> Output {
        let placement = try place(plan: plan, sounds: sounds)
        let room = settings.dry ? nil : RoomReverb.forScene(plan.scene)
        var mix = room?.process(placement.dry) ?? placement.dry
        var report = MixReport(
            placedSteps: placement.placed, skippedSteps: placement.skipped, room: room?.name ?? "dry")

        var gainDB = 0.0
        if settings.normalize {
            let normalizer = LoudnessNormalizer(
                target: settings.loudness.lufs, ceiling: settings.truePeakCeiling)
            let result = try normalizer.normalize(mix)
            mix = result.audio
            gainDB = result.gain
            report.targetLoudness = settings.loudness.lufs
            report.integratedLoudness = result.measurement.integrated
            report.truePeak = result.measurement.truePeak
            report.normalizationGain = result.gain
            report.limiterReduction = result.limiterReduction
        } else {
            let m = try LoudnessMeter.measure(mix)
            report.integratedLoudness = m.integrated
            report.truePeak = m.truePeak
        }

        let stems = stemSet(plan: plan, sounds: sounds, frames: mix.frameCount, gainDB: gainDB)
        report.stemGain = SpatialLaw.decibels(Double(stems.gain))
        logger.info(
            "mixed \(placement.placed) steps (\(placement.skipped) outside the track), room: \(report.room)",
            metadata: [
                "lufs": "\(report.integratedLoudness.map(rounded) ?? "silent")",
                "true_peak_dbtp": "\(report.truePeak.map(rounded) ?? "-inf")",
                "limiter_db": "\(rounded(report.limiterReduction))",
            ])
        return Output(mix: mix, stems: stems, report: report)
    }

    /// Places every step (dry, unnormalized) into a stereo buffer of the plan's duration.
    public func place(plan: FootstepPlan, sounds: [FootstepSound]) throws -> Placement {
        try validate(plan: plan, sounds: sounds)
        let frames = frameCount(plan)
        var left = [Float](repeating: 0, count: frames)
        var right = left
        let placer = StepPlacer(sampleRate: settings.sampleRate)
        var placed = 0
        for (planned, sound) in zip(plan.steps, sounds) {
            if placer.add(planned, sound: Self.sanitized(sound), into: &left, &right) { placed += 1 }
        }
        let skipped = plan.steps.count - placed
        if skipped > 0 { logger.warning("\(skipped) steps fall outside the \(plan.duration) s track and are silent") }
        return Placement(
            dry: AudioBuffer(sampleRate: settings.sampleRate, channels: [left, right]), placed: placed,
            skipped: skipped)
    }

    public func frameCount(_ plan: FootstepPlan) -> Int {
        guard plan.duration.isFinite, plan.duration > 0 else { return 0 }
        return Int((plan.duration * Double(settings.sampleRate)).rounded())
    }

    /// Stems get the mix's loudness gain (so they line up with it in a DAW), lowered to keep their sample peaks
    /// under the ceiling: they are not limited.
    private func stemSet(plan: FootstepPlan, sounds: [FootstepSound], frames: Int, gainDB: Double) -> StemSet {
        let unity = StemSet(plan: plan, sounds: sounds, frames: frames, sampleRate: settings.sampleRate, gain: 1)
        let peak = unity.keys.reduce(Float(0)) { max($0, unity.render($1).peak) }
        var gain = Float(SpatialLaw.linear(gainDB))
        let ceiling = Float(SpatialLaw.linear(settings.truePeakCeiling))
        if peak > 0, peak * gain > ceiling { gain = ceiling / peak }
        return unity.withGain(gain)
    }

    /// NaN or infinite samples from a backend would poison the loudness measurement: they become silence.
    static func sanitized(_ sound: FootstepSound) -> FootstepSound {
        guard sound.audio.channels.contains(where: { $0.contains { !$0.isFinite } }) else { return sound }
        Logger(label: "footfall.mix").warning("a footstep sound had NaN or infinite samples; they were silenced")
        var clean = sound
        for c in 0..<clean.audio.channelCount {
            clean.audio.channels[c] = clean.audio.channels[c].map { $0.isFinite ? $0 : 0 }
        }
        return clean
    }

    private func validate(plan: FootstepPlan, sounds: [FootstepSound]) throws {
        guard sounds.count == plan.steps.count else {
            throw FootfallError.failure(
                "the sound backend returned \(sounds.count) sounds for \(plan.steps.count) steps; "
                    + "try again, or use another backend with --backend")
        }
        for (i, s) in sounds.enumerated() where s.audio.sampleRate != settings.sampleRate || s.audio.channelCount == 0 {
            throw FootfallError.failure(
                "sound \(i) is \(s.audio.channelCount)-channel audio at \(s.audio.sampleRate) Hz; the mixer needs "
                    + "mono or stereo at \(settings.sampleRate) Hz — this is a bug in the sound backend")
        }
    }
}

/// Two decimals, for log lines.
private func rounded(_ v: Double) -> String { "\((v * 100).rounded() / 100)" }
