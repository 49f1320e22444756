import FootfallCore

/// Scores of one clip's detected heel strikes against hand-labelled truth or audio onsets.
public struct ClipEvaluation: Sendable, Equatable, Codable {
    public var reference: String
    public var referenceCount: Int
    public var detectedCount: Int
    public var metrics: TimingMetrics
    /// Detections within the widest tolerance of a `not_step` event (a landing scored as a step).
    public var falseStepsAtNonSteps: Int
    /// Whether precision was judged (false for recall-only truth).
    public var judgesPrecision: Bool

    enum CodingKeys: String, CodingKey {
        case reference, metrics
        case referenceCount = "reference_count"
        case detectedCount = "detected_count"
        case falseStepsAtNonSteps = "false_steps_at_non_steps"
        case judgesPrecision = "judges_precision"
    }

    /// Against ground truth: only the window is judged; detections near uncertain entries or outside the window
    /// are left out; recall-only truth does not count false positives.
    public static func evaluate(
        detected: [StepEvent], truth: GroundTruth, tolerances: [Double] = [0.05, 0.1]
    ) -> ClipEvaluation {
        let widest = tolerances.max() ?? 0.1
        let refs = truth.heelStrikes.filter { truth.judges($0) }.map(\.time)
        let nonSteps = truth.nonSteps.map(\.time)
        let uncertain = truth.uncertainTimes
        let times = detected.filter { $0.kind == .heelStrike }.map(\.time).filter { truth.inWindow($0, margin: widest) }
        let falseAtNonSteps = times.filter { t in nonSteps.contains { abs($0 - t) <= widest } }.count
        // Detections at an uncertain candidate (and not at a labelled step) are not judged either way.
        let judged = times.filter { t in
            refs.contains { abs($0 - t) <= widest } || !uncertain.contains { abs($0 - t) <= widest }
        }
        let precision = !(truth.recallOnly ?? false)
        let metrics = TimingMetrics.compute(
            detected: judged, reference: refs, tolerances: tolerances, judgePrecision: precision)
        return ClipEvaluation(
            reference: "truth", referenceCount: refs.count, detectedCount: judged.count, metrics: metrics,
            falseStepsAtNonSteps: falseAtNonSteps, judgesPrecision: precision)
    }

    /// Against reference onsets (audio of the clip or another file).
    public static func evaluate(
        detected: [StepEvent], onsets: [Double], tolerances: [Double] = [0.05, 0.1]
    ) -> ClipEvaluation {
        let times = detected.filter { $0.kind == .heelStrike }.map(\.time)
        return ClipEvaluation(
            reference: "audio onsets", referenceCount: onsets.count, detectedCount: times.count,
            metrics: TimingMetrics.compute(detected: times, reference: onsets, tolerances: tolerances),
            falseStepsAtNonSteps: 0, judgesPrecision: true)
    }
}
