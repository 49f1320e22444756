/// One-to-one matching of detected event times to reference times within a tolerance, greedy by distance
/// (closest pairs first). For sorted event trains spaced wider than the tolerance this equals the optimal
/// (Hungarian) assignment, and it is what onset-evaluation toolkits do.
public struct EventMatch: Sendable, Equatable {
    public var detected: Int
    public var reference: Int
    /// detected − reference, seconds (negative: early).
    public var error: Double
}

public struct MatchResult: Sendable, Equatable {
    public var matches: [EventMatch]
    public var unmatchedDetected: [Int]
    public var unmatchedReference: [Int]
}

public enum EventMatcher {
    public static func match(detected: [Double], reference: [Double], tolerance: Double) -> MatchResult {
        var pairs: [(d: Int, r: Int, e: Double)] = []
        for (i, d) in detected.enumerated() {
            for (j, r) in reference.enumerated() where abs(d - r) <= tolerance + 1e-12 {
                pairs.append((i, j, d - r))
            }
        }
        pairs.sort { (abs($0.e), $0.d, $0.r) < (abs($1.e), $1.d, $1.r) }
        var usedD = Set<Int>()
        var usedR = Set<Int>()
        var matches: [EventMatch] = []
        for p in pairs where !usedD.contains(p.d) && !usedR.contains(p.r) {
            usedD.insert(p.d)
            usedR.insert(p.r)
            matches.append(EventMatch(detected: p.d, reference: p.r, error: p.e))
        }
        matches.sort { $0.reference < $1.reference }
        return MatchResult(
            matches: matches, unmatchedDetected: detected.indices.filter { !usedD.contains($0) },
            unmatchedReference: reference.indices.filter { !usedR.contains($0) })
    }
}
