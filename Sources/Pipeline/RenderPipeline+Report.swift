import Export
import FootfallCore
import Foundation
import MediaIO
import Mix
import Report
import Steps

extension RenderPipeline {
    /// The walkthrough report of this render, written atomically.
    func writeReport(
        to path: String, info: VideoInfo, analysis: StepAnalysis, surfaces: SurfaceResult, document: StepsDocument,
        mixed: Mixer.Output, timings: StageTimings, warnings: [String], credits: ReportData.Credits? = nil
    ) throws {
        var data = ReportData(title: "Footfall — \(URL(fileURLWithPath: info.path).lastPathComponent)", video: info)
        data.keyFrames = surfaces.keyFrames
        data.trajectories = Self.trajectories(analysis.detection, document: document)
        if !info.audioStreams.isEmpty, let audio = try? decodeAudio(path: info.path) {
            data.audioOnsets = Self.onsets(in: audio)
            data.audioOnsets?.verdict = analysis.detection.map { Self.soundVerdict($0.sound) }
        }
        data.surfaces = document.surfaces ?? []
        data.groundPatches = surfaces.contactSheet
        data.steps = document.steps
        data.loudnessCurve = (try? LoudnessMeter.shortTermCurve(mixed.mix)) ?? []
        data.integratedLoudness = mixed.report.integratedLoudness
        data.truePeak = mixed.report.truePeak
        data.timings = timings
        data.warnings = warnings
        data.backend = document.render?.backend ?? ""
        data.credits = credits
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(Data(HTMLReport.render(data).utf8), to: path)
        logger.info("report: \(path)")
    }

    /// What the sound cue (`FootstepSoundCue`) did, for the report's reader.
    static func soundVerdict(_ sound: FootstepSoundCue.Alignment?) -> String {
        guard let s = sound else {
            return "The step times come from the picture alone (--picture-only, or too few steps to compare)."
        }
        let chance = String(format: "%.1f %%", 100 * s.chance)
        guard let offset = s.offset else {
            return "Not used to time the steps: \(s.locked) of \(s.steps) steps had a sound next to them, which "
                + "random sounds this frequent would give by chance (\(chance)); the step times come from the picture."
        }
        let whose = s.walker.map { "The steps of walker \($0) are" } ?? "The steps are"
        return "\(whose) timed on their footsteps heard here: \(s.locked) of \(s.steps) steps had their sound "
            + "(chance of a coincidence \(chance)), heard \(String(format: "%.0f", abs(offset) * 1000)) ms "
            + (offset < 0 ? "before" : "after") + " the picture put them; \(s.snapped) steps moved onto their sound"
            + (s.confirmed > 0 ? ", \(s.confirmed) of them found only because they were heard" : "")
            + (s.walker != nil ? "; the other walkers' steps were not heard and keep the picture's timing." : ".")
    }

    /// The signal each walker's detector used, per foot, with the events it kept.
    static func trajectories(_ detection: StepDetection?, document: StepsDocument) -> [ReportData.Trajectory] {
        guard let detection else { return [] }
        var result: [ReportData.Trajectory] = []
        for walker in detection.walkers where !walker.trajectories.isEmpty {
            let vertical = walker.method == "vertical"
            for foot in Foot.allCases {
                var times: [Double] = []
                var values: [Double] = []
                for segment in walker.trajectories {
                    let signal =
                        switch (foot, vertical) {
                        case (.left, false): segment.leftHeelForward
                        case (.right, false): segment.rightHeelForward
                        case (.left, true): segment.leftHeelVertical
                        case (.right, true): segment.rightHeelVertical
                        }
                    times += segment.times + [segment.times.last ?? 0]
                    values += signal.map { $0 ?? .nan } + [.nan]  // a gap between segments
                }
                let mine = { (e: StepEvent) in e.walker == walker.walker && e.foot == foot }
                result.append(
                    .init(
                        walker: walker.walker, foot: foot, method: walker.method,
                        quantity: vertical ? "heel below pelvis (body heights)" : "heel ahead of pelvis (body heights)",
                        times: times, raw: [], filtered: values, heelStrikes: document.steps.filter(mine).map(\.time),
                        toeOffs: (document.toeOffs ?? []).filter(mine).map(\.time)))
            }
        }
        return result
    }

    /// Onsets in the video's own audio and a 10 ms RMS envelope (dB above the quietest stretch) to plot them on.
    static func onsets(in audio: AudioBuffer) -> ReportData.AudioOnsets {
        let onsets = OnsetDetector().detect(audio)
        let hop = max(audio.sampleRate / 100, 1)
        var times: [Double] = []
        var levels: [Double] = []
        var start = 0
        while start < audio.frameCount {
            let end = min(start + hop, audio.frameCount)
            var sum = 0.0
            for channel in audio.channels { for i in start..<end { sum += Double(channel[i] * channel[i]) } }
            let rms = (sum / Double(max((end - start) * audio.channelCount, 1))).squareRoot()
            times.append(Double(start) / Double(audio.sampleRate))
            levels.append(20 * log10(max(rms, 1e-6)))
            start = end
        }
        let floor = levels.sorted().first ?? -120
        return .init(envelopeTimes: times, envelope: levels.map { $0 - floor }, onsets: onsets)
    }
}
