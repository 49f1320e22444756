import FootfallCore

/// One-to-one matching of detected to reference times within a tolerance: the pairs (detected index, reference
/// index). The sweep and the tests pass `EventMatcher.match` from the Steps module (this library does not depend
/// on the detector).
public typealias EventMatching =
    @Sendable (_ detected: [Double], _ reference: [Double], _ tolerance: Double) -> [(
        detected: Int, reference: Int
    )]

/// Scores heel strikes by the rule in `SimulatedTruth`: timing only (a step found on the wrong foot is a hit,
/// counted in `wrongFoot`), partial truth steps neither rewarded nor punished, false alarms only inside the
/// scored span.
public enum StepScoring {
    public static func score(
        detected: [StepEvent], truth: SimulatedTruth, tolerance: Double, match: EventMatching
    ) -> StepScore {
        let pairs = match(detected.map(\.time), truth.steps.map(\.time), tolerance)
        var score = StepScore()
        score.runs = 1
        score.seconds = truth.duration
        var matchedDetections = Set<Int>()
        var matchedTruth = Set<Int>()
        for (d, r) in pairs {
            matchedDetections.insert(d)
            matchedTruth.insert(r)
            guard truth.steps[r].scored else { continue }
            score.hits += 1
            score.detectionsByConfidence[StepScore.decile(detected[d].confidence)] += 1
            score.hitsByConfidence[StepScore.decile(detected[d].confidence)] += 1
            score.errors.append(detected[d].time - truth.steps[r].time)
            if detected[d].foot != truth.steps[r].foot { score.wrongFoot += 1 }
        }
        score.misses = truth.steps.indices.filter { truth.steps[$0].scored && !matchedTruth.contains($0) }.count
        for (i, event) in detected.enumerated() where !matchedDetections.contains(i) {
            score.unmatched += 1
            if truth.scoredSpan.contains(event.time) {
                score.falseAlarms += 1
                score.detectionsByConfidence[StepScore.decile(event.confidence)] += 1
            }
        }
        return score
    }
}
