import FootfallCore

/// The classifier's opinion about one heel strike, before smoothing over time.
public struct StepSurfaceGuess: Sendable, Equatable {
    /// Index into the analysed step list.
    public var step: Int
    public var walker: Int
    public var time: Double
    public var scores: SurfaceScores

    public init(step: Int, walker: Int, time: Double, scores: SurfaceScores) {
        self.step = step
        self.walker = walker
        self.time = time
        self.scores = scores
    }
}
