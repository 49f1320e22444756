import FootfallCore
import Foundation
import MediaIO

extension VideoDecoder: FrameSource {}

extension PoseEstimator {
    /// Pose frames for every frame of the video at `path` (decoded by MediaIO in upright orientation, times from
    /// PTS). With `options.overlayPath`, also writes an MP4 of the video with the skeletons drawn.
    public static func run(path: String, options: PoseOptions = .init(), progress: Progress? = nil) async throws
        -> [PoseFrame]
    {
        let info = try MediaProbe.probe(path)
        let decoderThreads = options.decoderThreads
        var sink: (@Sendable (RGBFrame, PoseFrame) throws -> Void)?
        var overlay: OverlayWriter?
        if let overlayPath = options.overlayPath {
            guard URL(fileURLWithPath: overlayPath).standardized.path != URL(fileURLWithPath: path).standardized.path
            else { throw FootfallError.usage("the overlay would overwrite the input \(path): choose another file") }
            let writer = OverlayWriter(path: overlayPath, frameRate: info.frameRate > 0 ? info.frameRate : 30)
            overlay = writer
            sink = { frame, pose in try writer.append(frame, pose: pose) }
        }
        let poses = try await run(
            makeSource: { try VideoDecoder(path: path, threads: decoderThreads) }, expectedFrames: info.frameCount,
            options: options, sink: sink, progress: progress)
        try overlay?.finish()
        return poses
    }
}

/// Draws skeletons on frames and encodes them (used from the inference thread only).
final class OverlayWriter: @unchecked Sendable {
    private let path: String
    private let frameRate: Double
    private var encoder: VideoEncoder?
    private let renderer = SkeletonRenderer()

    init(path: String, frameRate: Double) {
        self.path = path
        self.frameRate = frameRate
    }

    func append(_ frame: RGBFrame, pose: PoseFrame) throws {
        if encoder == nil {
            encoder = try VideoEncoder(
                path: path, width: frame.width, height: frame.height,
                options: VideoEncoderOptions(frameRate: frameRate, timeScale: 90_000))
        }
        var drawn = frame
        renderer.draw(pose, on: &drawn)
        try encoder?.append(drawn)
    }

    func finish() throws {
        try encoder?.finish()
        encoder = nil
    }
}
