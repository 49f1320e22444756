import ArgumentParser
import FootfallCore
import Foundation
import MediaIO
import Pose

struct PoseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pose",
        abstract: "Track walkers' BlazePose landmarks through a video.",
        discussion: """
            Example:
              footfall pose clip.mp4 --json clip.pose.json --overlay clip.pose.mp4
            The JSON holds {"video": {...}, "frames": [{"time", "frame", "walkers": [{"walker", "landmarks": \
            [33 × {x, y, z, visibility, presence}], "box", "score"}]}]}; x, y in upright-frame pixels.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The video to analyse.")
    var video: String

    @Option(help: "Write the landmarks as JSON to this file.")
    var json: String?

    @Option(help: "Write an MP4 with skeletons and walker ids drawn on the video.")
    var overlay: String?

    @Flag(help: "Replace the JSON or overlay file if it exists.")
    var force = false

    @Option(help: "Inference threads per model.")
    var threads = 2

    @Flag(
        help:
            "One-Euro smooth the landmarks as MediaPipe does: steadier skeletons to look at, but heel strikes found from them come later (render and steps use raw landmarks)."
    )
    var smooth = false

    func run() async throws {
        global.bootstrap()
        InterruptHandler.install()
        try await runReportingErrors {
            guard threads >= 1, threads <= 64 else { throw FootfallError.usage("--threads must be 1...64") }
            for output in [json, overlay].compactMap({ $0 }) where output == video {
                throw FootfallError.usage("\(output) is the input video: choose another output file")
            }
            try ExistingOutputs.refuse([json, overlay], force: force)
            var options = PoseOptions()
            options.threads = threads
            options.smoothLandmarks = smooth
            options.overlayPath = overlay
            let info = try MediaProbe.probe(video)
            let frames = try await PoseEstimator.run(path: video, options: options)
            if let json { try PoseDocument(video: info, frames: frames).write(to: json) }
            let ids = Set(frames.flatMap { $0.walkers.map(\.walker) })
            let seen = frames.filter { !$0.walkers.isEmpty }.count
            emit("\(frames.count) frames, walkers in \(seen), \(ids.count) walker id(s)")
        }
    }
}
