import FootfallCore
import Logging
import Sound

/// Mixes one footstep sound per planned step into a stereo track as long as the video, with stems.
///
/// Each sound's transient peak lands exactly on round(step.time × sample rate); pan is constant-power; distance
/// lowers the gain and the highs; overlapping steps add. Then the scene's room (unless dry), loudness
/// normalization and the true-peak limiter. The track is made a block at a time into work files, from sounds
/// spooled to disk, so memory stays flat however long the video is.
public struct Mixer: Sendable {
    public struct Output: Sendable {
        /// The finished stereo mix (in a work file; `loadAll()` for short tracks).
        public var mix: SpooledAudio
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

    /// Mixes sounds held in memory (auditions, tests), through a work folder in the system's temporary folder.
    public func render(plan: FootstepPlan, sounds: [FootstepSound]) throws -> Output {
        let (workspace, bank) = try spool(sounds)
        return try render(plan: plan, bank: bank, workspace: workspace)
    }

    /// Mixes the bank's sounds (one per planned step, in plan order) into work files in `workspace`.
    public func render(plan: FootstepPlan, bank: SoundBank, workspace: MixWorkspace) throws -> Output {
        let track = try StepTrack(plan: plan, bank: bank, frames: frameCount(plan))
        let skipped = plan.steps.count - track.placedCount
        if skipped > 0 { logger.warning("\(skipped) steps fall outside the \(plan.duration) s track and are silent") }
        let room = settings.dry ? nil : RoomReverb.forScene(plan.scene)
        let premix = try SpooledAudio(
            in: workspace, name: "premix.f32", sampleRate: settings.sampleRate, channelCount: 2)
        var processor = room?.processor(sampleRate: settings.sampleRate)
        var start = 0
        while start < track.frames {
            let end = min(track.frames, start + AudioBlock.defaultFrames)
            let dry = try track.render(start..<end)
            try premix.append(processor?.process(dry) ?? dry)
            start = end
        }
        var report = MixReport(placedSteps: track.placedCount, skippedSteps: skipped, room: room?.name ?? "dry")

        var mix = premix
        var gainDB = 0.0
        if settings.normalize {
            let normalized = try SpooledAudio(
                in: workspace, name: "mix.f32", sampleRate: settings.sampleRate, channelCount: 2)
            let normalizer = LoudnessNormalizer(target: settings.loudness.lufs, ceiling: settings.truePeakCeiling)
            let sink = LoudnessNormalizer.Sink(begin: normalized.reset, append: normalized.append)
            let result = try normalizer.normalize(premix, into: sink)
            if normalized.frameCount > 0 { mix = normalized }
            gainDB = result.gain
            report.targetLoudness = settings.loudness.lufs
            report.integratedLoudness = result.measurement.integrated
            report.truePeak = result.measurement.truePeak
            report.normalizationGain = result.gain
            report.limiterReduction = result.limiterReduction
        } else {
            let m = try LoudnessMeter.measure(premix)
            report.integratedLoudness = m.integrated
            report.truePeak = m.truePeak
        }

        let stems = try stemSet(track: track, gainDB: gainDB)
        report.stemGain = SpatialLaw.decibels(Double(stems.gain))
        logger.info(
            "mixed \(track.placedCount) steps (\(skipped) outside the track), room: \(report.room)",
            metadata: [
                "lufs": "\(report.integratedLoudness.map(rounded) ?? "silent")",
                "true_peak_dbtp": "\(report.truePeak.map(rounded) ?? "-inf")",
                "limiter_db": "\(rounded(report.limiterReduction))",
            ])
        return Output(mix: mix, stems: stems, report: report)
    }

    /// Places every step (dry, unnormalized) into a stereo buffer of the plan's duration, in memory.
    public func place(plan: FootstepPlan, sounds: [FootstepSound]) throws -> Placement {
        let (_, bank) = try spool(sounds)
        let track = try StepTrack(plan: plan, bank: bank, frames: frameCount(plan))
        return Placement(
            dry: AudioBuffer(sampleRate: settings.sampleRate, channels: try track.render(0..<track.frames)),
            placed: track.placedCount, skipped: plan.steps.count - track.placedCount)
    }

    public func frameCount(_ plan: FootstepPlan) -> Int {
        guard plan.duration.isFinite, plan.duration > 0 else { return 0 }
        return Int((plan.duration * Double(settings.sampleRate)).rounded())
    }

    /// Stems get the mix's loudness gain (so they line up with it in a DAW), lowered to keep their sample peaks
    /// under the ceiling: they are not limited.
    private func stemSet(track: StepTrack, gainDB: Double) throws -> StemSet {
        let unity = StemSet(track: track, gain: 1)
        let peak = try unity.keys.reduce(Float(0)) { max($0, try unity.unityPeak($1)) }
        var gain = Float(SpatialLaw.linear(gainDB))
        let ceiling = Float(SpatialLaw.linear(settings.truePeakCeiling))
        if peak > 0, peak * gain > ceiling { gain = ceiling / peak }
        return unity.withGain(gain)
    }

    /// In-memory sounds spooled into a bank in a work folder of the system's temporary folder.
    private func spool(_ sounds: [FootstepSound]) throws -> (MixWorkspace, SoundBank) {
        let workspace = try MixWorkspace()
        let bank = try SoundBank(in: workspace, sampleRate: settings.sampleRate)
        try bank.append(contentsOf: sounds)
        return (workspace, bank)
    }
}

/// Two decimals, for log lines.
private func rounded(_ v: Double) -> String { "\((v * 100).rounded() / 100)" }
