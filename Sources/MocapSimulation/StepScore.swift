/// Detected heel strikes against a `SimulatedTruth`, summed over any number of runs (a table cell).
public struct StepScore: Sendable, Equatable {
    /// Scored truth steps matched by a detection.
    public var hits = 0
    /// Scored truth steps nothing matched.
    public var misses = 0
    /// Detections inside the scored span matching no truth step.
    public var falseAlarms = 0
    /// Detections anywhere matching no truth step (for the negatives' false steps per minute).
    public var unmatched = 0
    /// Hits with the other foot's label.
    public var wrongFoot = 0
    /// detected − truth of every hit, seconds.
    public var errors: [Double] = []
    /// Video seconds scored.
    public var seconds = 0.0
    public var runs = 0

    /// Scored detections (hits and false alarms) by confidence decile, and how many of them were hits: whether
    /// a step's confidence says how likely it is to be right.
    public var detectionsByConfidence = [Int](repeating: 0, count: 10)
    public var hitsByConfidence = [Int](repeating: 0, count: 10)

    public init() {}

    static func decile(_ confidence: Double) -> Int { min(9, max(0, Int(confidence * 10))) }

    public static func + (a: StepScore, b: StepScore) -> StepScore {
        var s = a
        s.hits += b.hits
        s.misses += b.misses
        s.falseAlarms += b.falseAlarms
        s.unmatched += b.unmatched
        s.wrongFoot += b.wrongFoot
        s.errors += b.errors
        s.seconds += b.seconds
        s.runs += b.runs
        s.detectionsByConfidence = zip(a.detectionsByConfidence, b.detectionsByConfidence).map { $0 + $1 }
        s.hitsByConfidence = zip(a.hitsByConfidence, b.hitsByConfidence).map { $0 + $1 }
        return s
    }

    /// F1 over all steps: 2·hits / (2·hits + misses + false alarms); nil when there was nothing to score.
    public var f1: Double? {
        let d = 2 * hits + misses + falseAlarms
        return d > 0 ? Double(2 * hits) / Double(d) : nil
    }

    public var precision: Double? { hits + falseAlarms > 0 ? Double(hits) / Double(hits + falseAlarms) : nil }
    public var recall: Double? { hits + misses > 0 ? Double(hits) / Double(hits + misses) : nil }

    public var medianAbsoluteError: Double? {
        guard !errors.isEmpty else { return nil }
        let a = errors.map(abs).sorted()
        return a.count % 2 == 1 ? a[a.count / 2] : 0.5 * (a[a.count / 2 - 1] + a[a.count / 2])
    }

    /// Mean of detected − truth (negative: early).
    public var meanSignedError: Double? { errors.isEmpty ? nil : errors.reduce(0, +) / Double(errors.count) }

    public var falseStepsPerMinute: Double? { seconds > 0 ? Double(unmatched) / seconds * 60 : nil }
}
