import Foundation

/// Settings for running pose estimation over a whole video.
public struct PoseOptions: Sendable {
    public var tracker = PoseTrackerOptions()
    /// XNNPACK threads per model (the decoder runs on its own thread besides).
    public var threads = 1
    /// Decoder threads (0: FFmpeg's choice).
    public var decoderThreads = 0
    /// Decoded frames waiting for inference at most (the bound that keeps memory small).
    public var queueCapacity = 4
    /// Walkers seen in fewer frames than this are dropped from the result (1 keeps everything). The overlay
    /// video is drawn while tracking, so it still shows them.
    public var minTrackFrames = 3
    /// Dark frames are brightened before the models see them; nil shows the models the frames as decoded.
    public var exposure: ExposureCorrection? = ExposureCorrection()
    /// Measure the background's motion (a panning or hand-held camera) into `PoseFrame.camera`.
    public var cameraMotion = true
    /// When set, an MP4 with skeletons, joints and walker ids drawn on the video is written here.
    public var overlayPath: String?

    public init() {}

    /// One-Euro smoothing of the landmarks (steadier skeletons to look at, later heel strikes); off by default.
    public var smoothLandmarks: Bool {
        get { tracker.smoothing }
        set { tracker.smoothing = newValue }
    }
}
