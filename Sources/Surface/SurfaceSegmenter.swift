import FootfallCore
import Foundation
import Logging

/// Smooths per-step guesses into stretches of one surface per walker. A Viterbi pass over the steps with a
/// fixed cost per change: a walker crossing from pavement onto grass changes once, and a single odd step
/// is outvoted by its neighbours. Unclear stretches fall back to the default surface with a warning.
public struct SurfaceSegmenter: Sendable {
    public var switchPenalty: Double
    public var minConfidence: Double
    public var defaultSurface: SurfaceKind

    public init(switchPenalty: Double = 4, minConfidence: Double = 0.35, defaultSurface: SurfaceKind = .concrete) {
        self.switchPenalty = switchPenalty
        self.minConfidence = minConfidence
        self.defaultSurface = defaultSurface
    }

    public init(_ settings: SurfacePrototypes.Segmentation, defaultSurface: SurfaceKind? = nil) throws {
        self.init(
            switchPenalty: settings.switchPenalty, minConfidence: settings.minConfidence,
            defaultSurface: try defaultSurface ?? SurfaceKind.parse(settings.defaultSurface))
    }

    public struct Result: Sendable {
        public var segments: [SurfaceSegment]
        /// One line per fallback, saying how to set the surface by hand.
        public var warnings: [String]
    }

    /// - Parameter duration: video length; the last segment of each walker runs to it (else 1 s past the last step).
    public func segment(_ guesses: [StepSurfaceGuess], duration: Double?) -> Result {
        var segments: [SurfaceSegment] = []
        var warnings: [String] = []
        for (walker, items) in Dictionary(grouping: guesses, by: \.walker).sorted(by: { $0.key < $1.key }) {
            let ordered = items.sorted { $0.time < $1.time }
            let labels = viterbi(ordered.map(\.scores))
            var runs: [(label: SurfaceKind, from: Int, to: Int)] = []
            for (i, label) in labels.enumerated() {
                if let last = runs.last, last.label == label {
                    runs[runs.count - 1].to = i
                } else {
                    runs.append((label, i, i))
                }
            }
            let end = duration ?? ((ordered.last?.time ?? 0) + 1)
            var walkerSegments: [SurfaceSegment] = []
            for (n, run) in runs.enumerated() {
                let start = n == 0 ? 0 : (ordered[runs[n - 1].to].time + ordered[run.from].time) / 2
                let stop =
                    n == runs.count - 1
                    ? max(end, ordered[run.to].time) : (ordered[run.to].time + ordered[runs[n + 1].from].time) / 2
                let members = ordered[run.from...run.to]
                // Each step's support for the label (its confidence, scaled down when it preferred another
                // surface), averaged with confidence as the weight: unclear steps (dark, occluded) neither add
                // nor dilute, so a stretch is as sure as the steps that could see the ground.
                var support = 0.0
                var weight = 0.0
                for g in members {
                    let top = g.scores.scores.values.max() ?? 0
                    let agree = top > 0 ? (g.scores.scores[run.label] ?? 0) / top : 0
                    support += g.scores.confidence * g.scores.confidence * agree
                    weight += g.scores.confidence
                }
                let confidence = weight > 0 ? support / weight : 0
                if confidence >= minConfidence {
                    walkerSegments.append(
                        SurfaceSegment(
                            walker: walker, start: start, end: stop, surface: run.label.rawValue,
                            confidence: confidence, source: .detected))
                } else {
                    walkerSegments.append(
                        SurfaceSegment(
                            walker: walker, start: start, end: stop, surface: defaultSurface.rawValue,
                            confidence: confidence, source: .fallback))
                    warnings.append(
                        String(
                            format:
                                "walker %d, %.2f–%.2f s: surface unclear (best guess %@, confidence %.2f), using %@. Set it with --surface NAME, or edit 'surfaces' in the steps JSON (an entry with \"source\": \"override\").",
                            walker, start, stop, run.label.rawValue, confidence, defaultSurface.rawValue))
                }
            }
            segments += Self.mergeNeighbours(walkerSegments)
        }
        return Result(segments: segments, warnings: warnings)
    }

    /// Most likely label sequence: emissions are the scores flattened towards uniform as confidence drops.
    func viterbi(_ observations: [SurfaceScores]) -> [SurfaceKind] {
        let kinds = SurfaceKind.allCases
        let k = Double(kinds.count)
        guard !observations.isEmpty else { return [] }
        func emission(_ s: SurfaceScores, _ kind: SurfaceKind) -> Double {
            let c = min(1, max(0, s.confidence))
            return log(c * (s.scores[kind] ?? 0) + (1 - c) / k + 1e-9)
        }
        var cost = kinds.map { emission(observations[0], $0) }
        var back: [[Int]] = []
        for obs in observations.dropFirst() {
            var next = [Double](repeating: -.infinity, count: kinds.count)
            var from = [Int](repeating: 0, count: kinds.count)
            for (j, kind) in kinds.enumerated() {
                for i in kinds.indices {
                    let v = cost[i] - (i == j ? 0 : switchPenalty)
                    if v > next[j] {
                        next[j] = v
                        from[j] = i
                    }
                }
                next[j] += emission(obs, kind)
            }
            back.append(from)
            cost = next
        }
        var state = cost.indices.max { cost[$0] < cost[$1] } ?? 0
        var path = [state]
        for from in back.reversed() {
            state = from[state]
            path.append(state)
        }
        return path.reversed().map { kinds[$0] }
    }

    /// Joins touching segments that ended up with the same surface and source (e.g. two fallbacks).
    static func mergeNeighbours(_ segments: [SurfaceSegment]) -> [SurfaceSegment] {
        var out: [SurfaceSegment] = []
        for s in segments {
            if var last = out.last, last.surface == s.surface, last.source == s.source, last.walker == s.walker {
                let a = last.end - last.start
                let b = s.end - s.start
                last.confidence = a + b > 0 ? (last.confidence * a + s.confidence * b) / (a + b) : last.confidence
                last.end = s.end
                out[out.count - 1] = last
            } else {
                out.append(s)
            }
        }
        return out
    }
}
