import FootfallCore
import Foundation
import Logging

/// Something that yields decoded frames in presentation order; created and used on the decoding thread only.
public protocol FrameSource {
    func nextFrame() throws -> RGBFrame?
}

/// A decoded frame on its way to inference, with its thumbnail for camera motion when that is measured.
struct DecodedFrame: Sendable {
    var frame: RGBFrame
    var thumbnail: GreyThumbnail?
}

/// Runs pose tracking over a whole video with decoding and inference overlapped on two threads, connected by a
/// small bounded queue (no frame is dropped; at most `queueCapacity` frames are held).
public enum PoseEstimator {
    /// Progress callback: frames done, and the expected total (0 when unknown).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void
    private static let logger = Logger(label: "footfall.pose")

    /// Pose frames for every decoded frame of the source made by `makeSource` (called on the decoding thread).
    /// `sink`, when given, receives each frame with its poses on the inference thread (e.g. to draw an overlay).
    public static func run(
        makeSource: @escaping @Sendable () throws -> any FrameSource, expectedFrames: Int = 0, options: PoseOptions,
        sink: (@Sendable (RGBFrame, PoseFrame) throws -> Void)? = nil, progress: Progress? = nil
    ) async throws -> [PoseFrame] {
        // A thread inherits no task-local values: the job id the log lines carry is handed over by hand.
        let job = LogContext.job
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                LogContext.$job.withValue(job) {
                    do {
                        let frames = try runBlocking(
                            makeSource: makeSource, expectedFrames: expectedFrames, options: options, sink: sink,
                            progress: progress)
                        continuation.resume(returning: frames)
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
            thread.name = "footfall.pose.inference"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The same, blocking the calling thread (which becomes the inference thread).
    public static func runBlocking(
        makeSource: @escaping @Sendable () throws -> any FrameSource, expectedFrames: Int = 0, options: PoseOptions,
        sink: (@Sendable (RGBFrame, PoseFrame) throws -> Void)? = nil, progress: Progress? = nil
    ) throws -> [PoseFrame] {
        let tracker = try PoseTracker(options: options.tracker, threads: options.threads)
        let queue = BoundedQueue<Result<DecodedFrame, any Error>>(capacity: options.queueCapacity)
        let measureCamera = options.cameraMotion
        let decoder = Thread {
            do {
                let source = try makeSource()
                while let frame = try source.nextFrame() {
                    // The thumbnail is made here, beside the decoder, so that the inference thread only matches.
                    let thumbnail = measureCamera ? GreyThumbnail(frame) : nil
                    // False: the consumer stopped.
                    if !queue.put(.success(DecodedFrame(frame: frame, thumbnail: thumbnail))) { return }
                }
            } catch {
                queue.put(.failure(error))
            }
            queue.close()
        }
        decoder.name = "footfall.pose.decode"
        decoder.start()
        defer { queue.close(discardPending: true) }

        var poses: [PoseFrame] = []
        poses.reserveCapacity(max(0, expectedFrames))
        let started = Date()
        let camera = CameraMotionEstimator()
        while let item = queue.take() {
            let decoded = try item.get()
            let frame = decoded.frame
            // The models see the brightened frame; the overlay sink draws on the original.
            var pose = try tracker.process(options.exposure?.apply(to: frame) ?? frame)
            if let thumbnail = decoded.thumbnail {
                pose.camera = camera.update(thumbnail, walkers: pose.walkers.map(\.box))
            }
            try sink?(frame, pose)
            poses.append(pose)
            progress?(poses.count, expectedFrames)
        }
        let seconds = Date().timeIntervalSince(started)
        poses = dropShortTracks(poses, minFrames: options.minTrackFrames)
        let ids = Set(poses.flatMap { $0.walkers.map(\.walker) })
        logger.info(
            "pose: \(poses.count) frames in \(String(format: "%.2f", seconds)) s (\(String(format: "%.1f", Double(poses.count) / max(seconds, 1e-9))) fps), \(ids.count) walker(s), detector runs \(tracker.detectorRuns), landmark runs \(tracker.landmarkRuns)"
        )
        return poses
    }

    /// Removes walkers seen in fewer than `minFrames` frames (flickers: a false detection or a track that
    /// collapsed immediately). Their ids stay unused.
    static func dropShortTracks(_ poses: [PoseFrame], minFrames: Int) -> [PoseFrame] {
        guard minFrames > 1 else { return poses }
        var counts: [Int: Int] = [:]
        for frame in poses { for walker in frame.walkers { counts[walker.walker, default: 0] += 1 } }
        let short = Set(counts.filter { $0.value < minFrames }.keys)
        guard !short.isEmpty else { return poses }
        return poses.map { frame in
            var kept = frame
            kept.walkers.removeAll { short.contains($0.walker) }
            return kept
        }
    }
}
