/// Detection and timing scores of heel strikes against a reference.
public struct TimingMetrics: Sendable, Equatable, Codable {
    public struct AtTolerance: Sendable, Equatable, Codable {
        public var tolerance: Double
        public var truePositives: Int
        public var falsePositives: Int
        public var falseNegatives: Int
        /// nil when precision is not judged (recall-only references) or undefined (nothing detected).
        public var precision: Double?
        public var recall: Double?
        public var f1: Double?

        enum CodingKeys: String, CodingKey {
            case tolerance, precision, recall, f1
            case truePositives = "true_positives"
            case falsePositives = "false_positives"
            case falseNegatives = "false_negatives"
        }
    }

    public var scores: [AtTolerance]
    /// Over the matches at the widest tolerance, seconds.
    public var medianAbsoluteError: Double?
    public var p90AbsoluteError: Double?
    public var meanError: Double?
    /// Share of matched detections that come before the reference (early sound is the bad side).
    public var earlyShare: Double?
    public var errors: [Double]

    enum CodingKeys: String, CodingKey {
        case scores, errors
        case medianAbsoluteError = "median_abs_error"
        case p90AbsoluteError = "p90_abs_error"
        case meanError = "mean_error"
        case earlyShare = "early_share"
    }

    public func score(at tolerance: Double) -> AtTolerance? {
        scores.first { abs($0.tolerance - tolerance) < 1e-9 }
    }

    /// Scores `detected` against `reference` at each tolerance. With `judgePrecision` false (a reference that does
    /// not list everything), false positives are not counted and precision/F1 are nil.
    public static func compute(
        detected: [Double], reference: [Double], tolerances: [Double] = [0.05, 0.1], judgePrecision: Bool = true
    ) -> TimingMetrics {
        var scores: [AtTolerance] = []
        var widest: MatchResult?
        for tol in tolerances.sorted() {
            let m = EventMatcher.match(detected: detected, reference: reference, tolerance: tol)
            let tp = m.matches.count
            let fp = judgePrecision ? m.unmatchedDetected.count : 0
            let fn = m.unmatchedReference.count
            let precision: Double? = judgePrecision && tp + fp > 0 ? Double(tp) / Double(tp + fp) : nil
            let recall: Double? = tp + fn > 0 ? Double(tp) / Double(tp + fn) : nil
            var f1: Double?
            if judgePrecision {
                if let p = precision, let r = recall {
                    f1 = p + r > 0 ? 2 * p * r / (p + r) : 0
                } else if reference.isEmpty {
                    f1 = detected.isEmpty ? 1 : 0
                } else {
                    f1 = 0
                }
            }
            scores.append(
                AtTolerance(
                    tolerance: tol, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: precision,
                    recall: recall, f1: f1))
            widest = m
        }
        let errors = widest?.matches.map(\.error) ?? []
        let abs = errors.map { Swift.abs($0) }
        return TimingMetrics(
            scores: scores, medianAbsoluteError: SignalMath.median(abs),
            p90AbsoluteError: SignalMath.percentile(abs, 0.9),
            meanError: errors.isEmpty ? nil : errors.reduce(0, +) / Double(errors.count),
            earlyShare: errors.isEmpty ? nil : Double(errors.filter { $0 < 0 }.count) / Double(errors.count),
            errors: errors)
    }
}
