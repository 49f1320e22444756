import Export
import FootfallCore
import Foundation
import MediaIO
import Pose
import Steps

/// Steps for a render: read from a (possibly edited) steps JSON, or detected from the video.
struct StepAnalysis: Sendable {
    var document: StepsDocument
    var detection: StepDetection?
    /// Every frame's poses (empty when the steps came from a file); small, kept for the report and overlay.
    var poseFrames: [PoseFrame] = []
    var warnings: [String] = []
}

extension RenderPipeline {
    func steps(for request: RenderRequest, info: VideoInfo, timings: inout StageTimings) async throws -> StepAnalysis {
        if let file = request.stepsFile {
            let contents = try StepsFileReader.read(path: file, frameRate: info.frameRate)
            var document = contents.document
            if let mismatch = document.video.mismatch(with: info) {
                throw FootfallError.badInput(
                    "\(file) is the steps file of another video: \(mismatch). Use the steps file of this video, or "
                        + "delete its \"video\" block to render its steps on this one anyway")
            }
            // A file that does not name its video is taken to be this one's.
            if document.video.isUnknown { document.video = .init(info) }
            if let last = document.steps.map(\.time).max(), last > info.duration + 0.5 {
                throw FootfallError.badInput(
                    "\(file) has a step at \(String(format: "%.2f", last)) s but the video is \(String(format: "%.2f", info.duration)) s long: is it the steps file of another video?"
                )
            }
            logger.info("using \(document.steps.count) steps from \(file) (\(contents.format.rawValue))")
            return StepAnalysis(document: document, detection: nil, warnings: contents.warnings)
        }
        var options = PoseOptions()
        options.threads = request.config.threads
        let path = request.video
        let sink = progress
        let total = info.frameCount
        sink.update(stage: "pose", fraction: 0)
        let frames = try await timings.measure("pose", items: { $0.count }) {
            try await PoseEstimator.run(
                makeSource: { try VideoDecoder(path: path) }, expectedFrames: total, options: options,
                progress: { done, total in
                    if total > 0 { sink.update(stage: "pose", fraction: Double(done) / Double(total)) }
                })
        }
        sink.update(stage: "pose", fraction: 1)
        var detectorOptions = StepDetectorOptions()
        detectorOptions.followSound = !request.config.pictureOnly
        let detector = StepDetector(options: detectorOptions)
        let detection = await timings.measure("steps") { detector.detect(frames: frames, info: info, video: path) }
        var warnings: [String] = []
        let people = Set(frames.flatMap { $0.walkers.map(\.walker) })
        if people.isEmpty {
            warnings.append(
                "no person found in frames 0–\(max(frames.count - 1, 0)): is the walker fully in view? The sound track is silent."
            )
        } else if detection.heelStrikes.isEmpty {
            warnings.append("\(people.count) person(s) seen but no walking steps found: the track is silent.")
        }
        let document = StepsDocument(
            video: .init(info), steps: detection.heelStrikes, toeOffs: detection.toeOffs)
        return StepAnalysis(document: document, detection: detection, poseFrames: frames, warnings: warnings)
    }
}
