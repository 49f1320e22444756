import FootfallCore
import Foundation

extension StepDetector {
    typealias Span = ClosedRange<Double>

    /// Steps where a travelling walker's feet leave the picture (walking toward the camera until the feet pass
    /// the lower edge, a character's feet below a game's frame) or are both hidden, while the body stays in view.
    /// The body keeps bouncing once per step there; its lowest points come a walker-specific lag after the heel
    /// strikes, so the lag is read off the stretches where both the feet and the bounce give steps and taken
    /// out. Feet continue the alternation of the steps seen.
    func footBlindFill(
        found: [GaitCandidate], track: WalkerTrack, signals: SegmentSignals, bounce: [GaitCandidate]
    ) -> [GaitCandidate] {
        let spans = Self.footBlindSpans(track: track, signals: signals, minDuration: options.minStepInterval)
        guard !spans.isEmpty, !bounce.isEmpty else { return [] }
        let seen = found.filter {
            $0.kind == .heelStrike && $0.rejectReason == nil && $0.confidence >= options.minConfidence
        }
        .sorted { $0.time < $1.time }
        let interval = Self.medianInterval(seen.map(\.time)) ?? Self.medianInterval(bounce.map(\.time)) ?? 0.55
        // The bounce's lag behind the heel strikes where both are seen; with fewer than three pairs the pelvis
        // method's own timing stands.
        let lags = seen.compactMap { step -> Double? in
            guard let b = bounce.min(by: { abs($0.time - step.time) < abs($1.time - step.time) }),
                abs(b.time - step.time) < 0.4 * interval
            else { return nil }
            return b.time - step.time
        }
        let lag = lags.count >= 3 ? SignalMath.median(lags) ?? 0 : 0
        var fill: [GaitCandidate] = []
        for b in bounce {
            let t = b.time - lag
            guard spans.contains(where: { $0.contains(b.time) }),
                !seen.contains(where: { abs($0.time - t) < 0.6 * interval })
            else { continue }
            var step = b
            step.time = t
            step.cues = lags.count >= 3 ? ["pelvis", "lag-from-feet"] : ["pelvis"]
            fill.append(step)
        }
        Self.logger.debug(
            "feet unseen \(spans.map { String(format: "%.2f–%.2f", $0.lowerBound, $0.upperBound) }.joined(separator: ", ")) s: bounces \(bounce.map { String(format: "%.2f", $0.time) }), lag \(String(format: "%+.3f", lag)) s from \(lags.count) pairs, \(fill.count) steps filled"
        )
        return Self.alternatingFeet(fill, after: seen, interval: interval)
    }

    /// Time spans (at least `minDuration` long) of a track where neither heel is usable but the body is seen.
    static func footBlindSpans(track: WalkerTrack, signals: SegmentSignals, minDuration: Double) -> [Span] {
        let left = signals.heelUsable[.left] ?? []
        let right = signals.heelUsable[.right] ?? []
        var spans: [ClosedRange<Double>] = []
        var start: Double?
        for (i, t) in track.times.enumerated() {
            let blind = !(i < left.count && left[i]) && !(i < right.count && right[i])
            if blind, start == nil { start = t }
            if !blind, let s = start {
                if t - s >= minDuration { spans.append(s...t) }
                start = nil
            }
        }
        if let s = start, let end = track.times.last, end - s >= minDuration { spans.append(s...end) }
        return spans
    }

    /// Feet for the filled steps: each continues the alternation from the step before it (seen or filled), or,
    /// before the first seen step, from the step after it, counting the steps in between by the cadence.
    static func alternatingFeet(_ fill: [GaitCandidate], after seen: [GaitCandidate], interval: Double)
        -> [GaitCandidate]
    {
        guard !seen.isEmpty else { return fill }
        var all = (seen.map { ($0, false) } + fill.map { ($0, true) }).sorted { $0.0.time < $1.0.time }
        func assign(_ i: Int, from r: Int) {
            let n = Int((abs(all[i].0.time - all[r].0.time) / max(interval, 0.2)).rounded())
            let foot = all[r].0.foot
            all[i].0.foot = n % 2 == 0 ? foot : (foot == .left ? .right : .left)
        }
        guard let firstSeen = all.firstIndex(where: { !$0.1 }) else { return fill }
        for i in stride(from: firstSeen - 1, through: 0, by: -1) { assign(i, from: i + 1) }
        for i in (firstSeen + 1)..<max(firstSeen + 1, all.count) where all[i].1 { assign(i, from: i - 1) }
        return all.filter(\.1).map(\.0)
    }

    static func medianInterval(_ times: [Double]) -> Double? {
        let sorted = times.sorted()
        guard sorted.count >= 2 else { return nil }
        return SignalMath.median(zip(sorted.dropFirst(), sorted).map { $0 - $1 })
    }
}
