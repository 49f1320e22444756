import ArgumentParser
import Export
import FootfallCore
import Foundation
import MediaIO
import Pipeline
import Pose
import Steps

struct StepsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steps",
        abstract: "Find heel strikes (and toe-offs) per walker and foot.",
        discussion: """
            Runs the pose stage (or reads a pose JSON from 'footfall pose VIDEO --json F' or
            bench/mediapipe_pose.py with --pose) and writes the steps as JSON (the steps-JSON schema), CSV, an Audacity label track, REAPER markers
            or a CMX3600 EDL.
              footfall steps clip.mp4 --pose clip.pose.json --format audacity -o clip.audacity.txt
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The video the poses come from.")
    var video: String

    @Option(help: "Pose JSON for the video (skips pose estimation).")
    var pose: String?

    @Option(help: "Output format: json, csv, audacity, reaper or edl.")
    var format: StepsOutputFormat = .json

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @Option(help: "Gait method: auto (the gait-cycle model), cascade (the earlier per-view rules), zeni or vertical.")
    var method: GaitMethodChoice = .automatic

    @Option(help: "Seconds added to every step (≥ 0; sound late is forgiven, early is not).")
    var lateBias: Double = 0

    @Flag(
        name: .customLong("picture-only"),
        help: "Time the steps from the picture alone, not on footstep sounds heard in the video's own audio.")
    var pictureOnly = false

    func run() async throws {
        global.bootstrap()
        InterruptHandler.install()
        try await runReportingErrors {
            guard lateBias >= 0, lateBias <= 0.5 else {
                throw FootfallError.usage("--late-bias must be between 0 and 0.5 seconds")
            }
            try ExistingOutputs.refuse([output], force: force)
            let recording = try await StepsCommand.loadPoses(video: video, pose: pose)
            var options = StepDetectorOptions()
            options.method = method
            options.followSound = !pictureOnly
            options.lateBias = lateBias
            let info = try MediaProbe.probe(video)
            let detection = StepDetector(options: options).detect(frames: recording.frames, info: info, video: video)
            let text = try format.render(detection, info: info, video: .init(info))
            if let output {
                try StepsFileWriter.write(
                    Data(text.utf8), to: output, protectedPaths: [video] + (pose.map { [$0] } ?? []))
            } else {
                emit(text)
            }
        }
    }

    /// Poses from `--pose` when given, otherwise from running the pose stage on the video.
    static func loadPoses(video: String, pose: String?) async throws -> PoseRecording {
        guard FileManager.default.fileExists(atPath: video) else {
            throw FootfallError.badInput("video not found: \(video)")
        }
        if let pose { return try PoseRecording.load(path: pose) }
        let info = try MediaProbe.probe(video)
        let frames = try await PoseEstimator.run(path: video, options: PoseOptions())
        return PoseRecording(video: .init(info), frames: frames)
    }
}

enum StepsOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv, audacity, reaper, edl

    func render(_ d: StepDetection, info: VideoInfo, video: StepsDocument.Video) throws -> String {
        let marker: MarkerFormat
        switch self {
        case .json:
            let doc = StepsDocument(video: video, steps: d.heelStrikes, toeOffs: d.toeOffs)
            return String(decoding: try doc.encoded(), as: UTF8.self)
        case .csv: marker = .csv
        case .audacity: marker = .audacity
        case .reaper: marker = .reaper
        case .edl: marker = .edl
        }
        let title = URL(fileURLWithPath: info.path).deletingPathExtension().lastPathComponent
        return MarkerFormats.write(d.heelStrikes, format: marker, frameRate: info.frameRate, title: title)
    }
}

extension GaitMethodChoice: ExpressibleByArgument {}
