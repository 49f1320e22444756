import FootfallCore

/// A clip seen through one `SimulationCondition`: what the pose stage would have produced, and the truth.
public struct SimulatedClip: Sendable {
    public var clip: String
    public var category: ClipCategory
    public var condition: SimulationCondition
    public var frames: [PoseFrame]
    public var info: VideoInfo
    /// Heel strikes in video time (the contacts shifted by the same offset as the frame times).
    public var truth: SimulatedTruth
    /// File time of video time 0 (the clip's first usable sample plus a random sub-frame phase).
    public var fileTimeOrigin: Double
    public var shot: ShotPlanner.Shot
}
