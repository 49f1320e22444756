import FootfallCore

/// The heel strikes a simulated video holds, in its own time, and which of them a detector can be asked for.
///
/// Scoring rule: a truth step is *scored* when it lies inside `scoredSpan` (the video without its first and last
/// `edgeMargin` seconds) and the swing before it started inside the video (the same foot's previous lift-off —
/// the end of its previous contact, or of a contact already under way at the start — is at or after the first
/// frame; a foot with no earlier contact in the clip is taken to have lifted `typicalSwing` before its strike).
/// Other truth steps are *partial*: a detection matching one is neither a hit nor a false alarm. A detection that
/// matches nothing is a false positive only inside `scoredSpan`.
public struct SimulatedTruth: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        public var time: Double
        public var foot: Foot
        public var scored: Bool
    }

    public static let edgeMargin = 0.3
    public static let typicalSwing = 0.45

    public var steps: [Step]
    public var scoredSpan: ClosedRange<Double>
    /// Video duration, seconds (for false steps per minute).
    public var duration: Double

    public init(steps: [Step], scoredSpan: ClosedRange<Double>, duration: Double) {
        self.steps = steps
        self.scoredSpan = scoredSpan
        self.duration = duration
    }

    /// From contacts in video time, for a video whose frames span `start...end`.
    public init(contacts c: ContactTruth, start: Double, end: Double) {
        let lo = start + Self.edgeMargin
        let hi = max(lo, end - Self.edgeMargin)
        var steps: [Step] = []
        for (foot, strikes, ends, planted) in [
            (Foot.left, c.left, c.leftContactEnd, c.leftPlantedUntil),
            (Foot.right, c.right, c.rightContactEnd, c.rightPlantedUntil),
        ] {
            for (k, t) in strikes.enumerated() {
                let liftOff = k > 0 && k - 1 < ends.count ? ends[k - 1] : (planted ?? t - Self.typicalSwing)
                let scored = t >= lo && t <= hi && liftOff >= start - 1e-9
                steps.append(Step(time: t, foot: foot, scored: scored))
            }
        }
        self.init(steps: steps.sorted { $0.time < $1.time }, scoredSpan: lo...hi, duration: end - start)
    }
}
