import FootfallCore
import Foundation

/// Everything a walkthrough report shows, gathered by the pipeline. Plain data, so the report can be written
/// without running anything again.
public struct ReportData: Sendable {
    /// One picture (PNG bytes) with a caption.
    public struct Picture: Sendable {
        public var caption: String
        public var png: Data
        public init(caption: String, png: Data) {
            self.caption = caption
            self.png = png
        }
    }

    /// A trajectory the step detector used, with the events it found on it.
    public struct Trajectory: Sendable {
        public var walker: Int
        public var foot: Foot
        public var method: String
        /// What the values are, with unit (e.g. "heel ahead of pelvis (body heights)").
        public var quantity: String
        public var times: [Double]
        public var raw: [Double]
        public var filtered: [Double]
        public var heelStrikes: [Double]
        public var toeOffs: [Double]
        public init(
            walker: Int, foot: Foot, method: String, quantity: String, times: [Double], raw: [Double],
            filtered: [Double], heelStrikes: [Double], toeOffs: [Double]
        ) {
            self.walker = walker
            self.foot = foot
            self.method = method
            self.quantity = quantity
            self.times = times
            self.raw = raw
            self.filtered = filtered
            self.heelStrikes = heelStrikes
            self.toeOffs = toeOffs
        }
    }

    /// Footstep onsets found in the video's own audio (for judging timing), when it has audio.
    public struct AudioOnsets: Sendable {
        public var envelopeTimes: [Double]
        public var envelope: [Double]
        public var onsets: [Double]
        /// What the step detector made of these sounds, in a sentence (nil: it did not consult them).
        public var verdict: String?
        public init(envelopeTimes: [Double], envelope: [Double], onsets: [Double], verdict: String? = nil) {
            self.envelopeTimes = envelopeTimes
            self.envelope = envelope
            self.onsets = onsets
            self.verdict = verdict
        }
    }

    public var title: String
    public var video: VideoInfo
    public var keyFrames: [Picture] = []
    public var trajectories: [Trajectory] = []
    public var audioOnsets: AudioOnsets?
    public var surfaces: [SurfaceSegment] = []
    public var groundPatches: Picture?
    public var steps: [StepEvent] = []
    /// Short-term loudness of the delivered mix: (seconds, LUFS).
    public var loudnessCurve: [(time: Double, lufs: Double)] = []
    public var integratedLoudness: Double?
    public var truePeak: Double?
    public var timings = StageTimings()
    public var warnings: [String] = []
    public var backend: String = ""
    /// The recordings the sound track uses, when it uses any.
    public var credits: Credits?

    public init(title: String, video: VideoInfo) {
        self.title = title
        self.video = video
    }
}
