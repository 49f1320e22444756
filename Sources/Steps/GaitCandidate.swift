import FootfallCore

/// A heel strike or toe-off found by one method, before the walker-level plausibility checks.
struct GaitCandidate {
    var time: Double
    var foot: Foot
    var kind: GaitEventKind
    var method: String
    var confidence: Double
    var position: Point2D?
    var walkerHeight: Double?
    /// Walking speed at the event, in walker heights per second (nil when unknown).
    var speed: Double?
    /// Standard error of the event time from the disagreement of its timing estimates, seconds (nil: one estimate).
    var timingError: Double?
    /// How far the heel swung ahead of its stance position relative to the pelvis, leg lengths (the forward
    /// maximum's prominence; nil from methods that do not measure it).
    var swing: Double?
    /// The cues that placed the event ("stride:world", "heel-ahead:image", "pelvis", …), for the steps JSON.
    var cues: [String] = []
    /// Set by a method that already knows the candidate is not a step (kept for the diagnostics).
    var rejectReason: String?

    static let landing = "a landing (a jump, not a step)"
    /// A contact the body landed on from a jump or a drop: no step is to be placed there by any other cue.
    var isLanding: Bool { rejectReason?.hasPrefix(Self.landing) == true }
}

extension SegmentSignals {
    /// Linear interpolation of a channel at fractional grid index `u`.
    func value(_ channel: [Double?], at u: Double) -> Double? {
        guard u >= 0, u <= Double(grid.count - 1) else { return nil }
        let i = Int(u.rounded(.down))
        let j = min(i + 1, grid.count - 1)
        guard let a = channel[i], let b = channel[j] else { return channel[i] ?? channel[j] }
        return a + (b - a) * (u - Double(i))
    }

    /// Confidence of an event at fractional index `u` inside `run`: heel visibility around it, halved near a gap
    /// or track end (the extremum may lie in the unseen part).
    func confidence(foot: Foot, at u: Double, run: Range<Int>, guardSeconds: Double) -> Double {
        guard let channels = feet[foot] else { return 0 }
        let g = Int((guardSeconds / grid.step).rounded())
        let lo = max(run.lowerBound, Int(u) - g / 2)
        let hi = min(run.upperBound - 1, Int(u) + g / 2)
        var vis = 1.0
        if lo <= hi {
            let window = channels.visibility[lo...hi]
            vis = window.reduce(0, +) / Double(window.count)
        }
        let nearEdge = u - Double(run.lowerBound) < Double(g) || Double(run.upperBound - 1) - u < Double(g)
        return min(1, max(0, vis)) * (nearEdge ? 0.5 : 1)
    }

    /// First fractional index in `from...limit` where `signal` falls to `level` or below and stays there for
    /// `hold` samples ("comes to rest", not a momentary dip), with linear interpolation between grid points;
    /// nil if it never does.
    static func firstCrossingBelow(_ signal: [Double], level: Double, from: Int, limit: Int, hold: Int = 0) -> Double? {
        guard from < signal.count else { return nil }
        func stays(_ i: Int) -> Bool {
            let end = min(signal.count - 1, i + hold)
            return (i...end).allSatisfy { signal[$0] <= level }
        }
        if signal[from] <= level, stays(from) { return Double(from) }
        var i = from + 1
        while i <= min(limit, signal.count - 1) {
            if signal[i] <= level, signal[i - 1] > level, stays(i) {
                let a = signal[i - 1]
                let b = signal[i]
                return Double(i - 1) + (a == b ? 0 : (a - level) / (a - b))
            }
            i += 1
        }
        return nil
    }
}
