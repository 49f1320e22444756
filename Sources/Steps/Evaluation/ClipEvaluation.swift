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
    ///
    /// Walkers: each detected walker id is assigned to the labelled walker it agrees with most (most events
    /// within the widest tolerance), and events are matched only within an assignment, so one person's step is
    /// never credited to another, and a `not_step` (a landing) only counts against detections of that person or
    /// of unassigned ids.
    public static func evaluate(
        detected: [StepEvent], truth: GroundTruth, tolerances: [Double] = [0.05, 0.1]
    ) -> ClipEvaluation {
        let widest = tolerances.max() ?? 0.1
        let refs = truth.heelStrikes.filter { truth.judges($0) }
        let uncertain = truth.uncertainTimes
        let inWindow = detected.filter { $0.kind == .heelStrike && truth.inWindow($0.time, margin: widest) }
        // Detections at an uncertain candidate (and not at a labelled step) are not judged either way.
        let judged = inWindow.filter { d in
            refs.contains { abs($0.time - d.time) <= widest } || !uncertain.contains { abs($0 - d.time) <= widest }
        }
        let assignment = assignWalkers(detected: judged, truth: refs, tolerance: widest)
        // Separate the assigned groups on the time axis so events of different people can never match.
        let band = 10_000.0
        func group(ofTruth w: Int?) -> Double { Double((w ?? -1) + 2) * band }
        func group(ofDetected d: StepEvent) -> Double {
            assignment[d.walker].map { group(ofTruth: $0) } ?? 0
        }
        let refTimes = refs.map { $0.time + group(ofTruth: $0.walker) }
        let detTimes = judged.map { $0.time + group(ofDetected: $0) }
        let falseAtNonSteps = inWindow.filter { d in
            truth.nonSteps.contains { n in
                abs(n.time - d.time) <= widest && (assignment[d.walker] == nil || assignment[d.walker] == n.walker)
            }
        }.count
        let precision = !(truth.recallOnly ?? false)
        let metrics = TimingMetrics.compute(
            detected: detTimes, reference: refTimes, tolerances: tolerances, judgePrecision: precision)
        return ClipEvaluation(
            reference: "truth", referenceCount: refs.count, detectedCount: judged.count, metrics: metrics,
            falseStepsAtNonSteps: falseAtNonSteps, judgesPrecision: precision)
    }

    /// Detected walker id → labelled walker id, by the most events within `tolerance`; labels without walker ids
    /// take every detected walker.
    static func assignWalkers(detected: [StepEvent], truth: [GroundTruth.Event], tolerance: Double) -> [Int: Int?] {
        var result: [Int: Int?] = [:]
        let labelled = Set(truth.map(\.walker))
        for walker in Set(detected.map(\.walker)) {
            let mine = detected.filter { $0.walker == walker }
            var best: (label: Int?, count: Int)?
            for label in labelled {
                let refs = truth.filter { $0.walker == label }.map(\.time)
                let count = EventMatcher.match(detected: mine.map(\.time), reference: refs, tolerance: tolerance)
                    .matches.count
                if count > (best?.count ?? 0) { best = (label, count) }
            }
            if let best { result[walker] = .some(best.label) }
        }
        return result
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
