/// What the mixer places: one sound per step, with where it goes in the stereo field and how loud.
public struct PlannedStep: Sendable, Equatable {
    public var step: StepEvent
    /// Linear gain from distance (1 = nearest walker).
    public var gain: Double
    /// -1 (left) ... +1 (right).
    public var pan: Double
    /// 0...1, how much high-frequency loss distance adds.
    public var distanceDamping: Double
    public var surface: String
    public var seed: UInt64

    public init(step: StepEvent, gain: Double, pan: Double, distanceDamping: Double, surface: String, seed: UInt64) {
        self.step = step
        self.gain = gain
        self.pan = pan
        self.distanceDamping = distanceDamping
        self.surface = surface
        self.seed = seed
    }
}

public struct FootstepPlan: Sendable, Equatable {
    public var steps: [PlannedStep]
    /// Length of the sound track in seconds (the video's duration).
    public var duration: Double
    public var scene: SceneKind
    public init(steps: [PlannedStep], duration: Double, scene: SceneKind) {
        self.steps = steps
        self.duration = duration
        self.scene = scene
    }
}
