/// How steps are placed in space. The defaults follow OpenAL's inverse-distance-clamped model.
public struct PlanOptions: Sendable, Equatable {
    /// Stereo width 0...1: 0 puts every step in the centre, 1 uses the full left–right field.
    public var stereoWidth: Double
    /// Distance at which gain is 1 (the nearest walker stands here).
    public var referenceDistance: Double
    /// How fast gain falls beyond the reference distance (OpenAL's AL_ROLLOFF_FACTOR).
    public var rolloff: Double
    /// Distances are clamped here, so tiny (far or mis-detected) walkers are not silenced.
    public var maxDistance: Double
    /// Surface used when neither the step nor a surface segment names one.
    public var defaultSurface: String
    /// Keep `gain_db` and `pan` already recorded in the steps (a user's edits in the steps JSON).
    public var keepRecordedMix: Bool

    public init(
        stereoWidth: Double = 1, referenceDistance: Double = 1, rolloff: Double = 1, maxDistance: Double = 8,
        defaultSurface: String = "concrete", keepRecordedMix: Bool = true
    ) {
        self.stereoWidth = min(max(stereoWidth, 0), 1)
        self.referenceDistance = max(referenceDistance, 1e-6)
        self.rolloff = max(rolloff, 0)
        self.maxDistance = max(maxDistance, self.referenceDistance)
        self.defaultSurface = defaultSurface
        self.keepRecordedMix = keepRecordedMix
    }
}
