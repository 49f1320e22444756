import FootfallCore

/// What the detector decided about a walker's view.
public enum GaitView: String, Sendable, Codable {
    /// The walker moves across the picture (side or oblique): Zeni applies.
    case side
    /// The walker moves toward or away from the camera.
    case frontal
    /// Neither feet nor body move enough to be walking.
    case stationary
}

/// Filtered trajectories of one track segment, on a uniform time grid (for plots and debugging).
public struct GaitTrajectories: Sendable, Codable, Equatable {
    public var times: [Double]
    /// Walker height in pixels.
    public var height: [Double]
    /// Heel position relative to the pelvis along the walking direction, in walker heights (Zeni signal).
    /// nil where the foot was not usable.
    public var leftHeelForward: [Double?]
    public var rightHeelForward: [Double?]
    /// Heel image y relative to the pelvis, in walker heights (down is positive); nil where not usable.
    public var leftHeelVertical: [Double?]
    public var rightHeelVertical: [Double?]

    enum CodingKeys: String, CodingKey {
        case times, height
        case leftHeelForward = "left_heel_forward"
        case rightHeelForward = "right_heel_forward"
        case leftHeelVertical = "left_heel_vertical"
        case rightHeelVertical = "right_heel_vertical"
    }
}

/// Why the detector did what it did for one walker.
public struct WalkerDiagnostics: Sendable, Codable, Equatable {
    public var walker: Int
    public var view: GaitView
    /// "zeni", "vertical" or "none".
    public var method: String
    /// Frames with this walker.
    public var frameCount: Int
    /// Continuous segments analysed (split at long gaps or identity jumps).
    public var segments: Int
    /// Median pelvis speed across the picture, in walker heights per second.
    public var lateralSpeed: Double
    /// Rate of apparent-size change, 1/s (positive: approaching).
    public var approachRate: Double
    /// Median pelvis speed over the background (the camera's motion taken out), heights per second; nil when the
    /// camera's motion was not measured.
    public var groundSpeed: Double?
    /// Heel excursion relative to the pelvis along x, robust range in walker heights.
    public var footExcursion: Double
    public var cutoffHz: Double
    public var heelStrikes: Int
    /// Candidates dropped by plausibility checks, with reasons ("jump landing", "isolated", "too close").
    public var rejected: [String]
    public var trajectories: [GaitTrajectories]

    enum CodingKeys: String, CodingKey {
        case walker, view, method, segments, rejected, trajectories
        case frameCount = "frame_count"
        case lateralSpeed = "lateral_speed"
        case approachRate = "approach_rate"
        case groundSpeed = "ground_speed"
        case footExcursion = "foot_excursion"
        case cutoffHz = "cutoff_hz"
        case heelStrikes = "heel_strikes"
    }
}

/// Result of `StepDetector.detect`.
public struct StepDetection: Sendable, Equatable {
    /// Heel strikes sorted by time (the sounds).
    public var heelStrikes: [StepEvent]
    public var toeOffs: [StepEvent]
    public var walkers: [WalkerDiagnostics]
    /// Heel-strike candidates left out for their rhythm, their confidence or mixed-up legs (not landings): a
    /// footstep heard on one confirms it (`FootstepSoundCue`).
    public var unconfirmed: [StepEvent] = []
    /// What the video's own sound did to the steps' timing; nil when it was not consulted.
    public var sound: FootstepSoundCue.Alignment?

    public init(heelStrikes: [StepEvent], toeOffs: [StepEvent], walkers: [WalkerDiagnostics]) {
        self.heelStrikes = heelStrikes
        self.toeOffs = toeOffs
        self.walkers = walkers
    }
}
