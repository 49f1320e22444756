import ArgumentParser
import FootfallCore
import Foundation
import MediaIO
import Pipeline
import Steps

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score detected heel strikes against hand-labelled truth or audio onsets.",
        discussion: """
            Reference, in order: --truth (hand-labelled JSON), --reference (onsets found in that audio or video
            file's audio), else the video's own audio. Scores: precision, recall and F1 at ±50 and ±100 ms,
            median and 90th-percentile |error|, share of early detections.
              footfall eval walk.mp4 --pose walk.pose.json --truth walk.truth.json
              footfall eval game.mp4 --pose game.pose.json --json
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The video.")
    var video: String

    @Option(help: "Pose JSON for the video (default: run the pose stage).")
    var pose: String?

    @Option(help: "Hand-labelled ground truth JSON.")
    var truth: String?

    @Option(help: "Audio or video file whose audio onsets are the reference.")
    var reference: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Option(help: "Gait method: auto (the gait-cycle model), cascade (the earlier per-view rules), zeni or vertical.")
    var method: GaitMethodChoice = .automatic

    @Flag(
        name: .customLong("picture-only"),
        help: "Time the steps from the picture alone, not on footstep sounds heard in the video's own audio.")
    var pictureOnly = false

    func run() async throws {
        global.bootstrap()
        try await runReportingErrors {
            guard truth == nil || reference == nil else {
                throw FootfallError.usage("give --truth or --reference, not both")
            }
            let recording = try await StepsCommand.loadPoses(video: video, pose: pose)
            let info = try MediaProbe.probe(video)
            var options = StepDetectorOptions()
            options.method = method
            options.followSound = !pictureOnly
            let detection = StepDetector(options: options).detect(frames: recording.frames, info: info, video: video)
            let evaluation: ClipEvaluation
            var onsets: [Double]?
            if let truth {
                evaluation = ClipEvaluation.evaluate(
                    detected: detection.heelStrikes, truth: try GroundTruth.load(path: truth))
            } else {
                let source = reference ?? video
                guard let audio = try decodeAudio(path: source) else {
                    throw FootfallError.badInput(
                        "'\(source)' has no audio to take onsets from; give --truth FILE.json or --reference AUDIO")
                }
                let found = OnsetDetector().detect(audio)
                onsets = found
                evaluation = ClipEvaluation.evaluate(detected: detection.heelStrikes, onsets: found)
            }
            if json {
                let report = EvalReport(
                    video: video, evaluation: evaluation, detected: detection.heelStrikes.map(\.time), onsets: onsets,
                    walkers: detection.walkers.map {
                        .init(walker: $0.walker, view: $0.view.rawValue, method: $0.method)
                    })
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                emit(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                emit(EvalCommand.table(evaluation, detection: detection, onsets: onsets))
            }
        }
    }

    static func table(_ e: ClipEvaluation, detection: StepDetection, onsets: [Double]?) -> String {
        func ms(_ v: Double?) -> String { v.map { String(format: "%.1f ms", $0 * 1000) } ?? "–" }
        func pct(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "–" }
        var lines = ["reference: \(e.reference) (\(e.referenceCount) events), detected: \(e.detectedCount)"]
        for w in detection.walkers {
            lines.append(
                "walker \(w.walker): view \(w.view.rawValue), method \(w.method), \(w.heelStrikes) heel strikes")
        }
        for s in e.metrics.scores {
            lines.append(
                "±\(Int(s.tolerance * 1000)) ms: precision \(pct(s.precision)) recall \(pct(s.recall)) F1 \(pct(s.f1)) "
                    + "(TP \(s.truePositives), FP \(s.falsePositives), FN \(s.falseNegatives))")
        }
        lines.append(
            "median |error| \(ms(e.metrics.medianAbsoluteError)), p90 \(ms(e.metrics.p90AbsoluteError)), "
                + "mean \(ms(e.metrics.meanError)), early share \(pct(e.metrics.earlyShare))")
        if e.falseStepsAtNonSteps > 0 { lines.append("false steps at non-step events: \(e.falseStepsAtNonSteps)") }
        if let onsets { lines.append("onsets: " + onsets.map { String(format: "%.3f", $0) }.joined(separator: " ")) }
        lines.append(
            "detected: " + detection.heelStrikes.map { String(format: "%.3f", $0.time) }.joined(separator: " "))
        return lines.joined(separator: "\n")
    }
}

struct EvalReport: Encodable {
    struct Walker: Encodable {
        var walker: Int
        var view: String
        var method: String
    }
    var video: String
    var evaluation: ClipEvaluation
    var detected: [Double]
    var onsets: [Double]?
    var walkers: [Walker]
}
