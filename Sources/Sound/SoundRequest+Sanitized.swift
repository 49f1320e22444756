import FootfallCore

extension SoundRequest {
    /// Intensity clamped to 0...1; a non-finite value (a bad steps JSON) counts as a normal walk.
    var safeIntensity: Double { intensity.isFinite ? min(max(intensity, 0), 1) : 0.5 }

    /// The step interval when it is a usable positive time, else nil.
    var safeStepInterval: Double? {
        guard let stepInterval, stepInterval.isFinite, stepInterval > 0 else { return nil }
        return stepInterval
    }
}
