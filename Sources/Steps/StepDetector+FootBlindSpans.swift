import FootfallCore
import Foundation

extension StepDetector {
    typealias Span = ClosedRange<Double>

    /// Steps the feet did not show while the body stays in view: the feet below the picture's edge (walking
    /// toward the camera, a game character's feet below the frame), both hidden, or one step's swing cut off.
    ///
    /// A stride-phase tracker carries the rhythm of the seen steps into the blind stretch: each next step is
    /// predicted one step interval on (its uncertainty grows with every step: cadence varies by a few per cent),
    /// and the body's bounce — lowest once per step, a walker-specific lag after the heel strike, read off where
    /// both are seen — corrects it, weighted by the two uncertainties. No bounce near a prediction ends the
    /// stretch: the walker may have stopped. Feet continue the alternation.
    func footBlindFill(
        found: [GaitCandidate], track: WalkerTrack, signals: SegmentSignals, bounce: [GaitCandidate]
    ) -> [GaitCandidate] {
        let seen = found.filter {
            $0.kind == .heelStrike && $0.rejectReason == nil && $0.confidence >= options.minConfidence
        }
        .sorted { $0.time < $1.time }
        guard !bounce.isEmpty, seen.count >= 2 else { return [] }
        let landings = found.filter(\.isLanding).map(\.time)
        let interval = Self.medianInterval(seen.map(\.time)) ?? 0.55
        let spans = Self.uncoveredSpans(
            seen: seen.map(\.time), start: track.times.first ?? 0, end: track.times.last ?? 0, interval: interval)
        guard !spans.isEmpty else { return [] }
        let lags = seen.compactMap { step -> Double? in
            guard let b = bounce.min(by: { abs($0.time - step.time) < abs($1.time - step.time) }),
                abs(b.time - step.time) < 0.4 * interval
            else { return nil }
            return b.time - step.time
        }
        let calibrated = !lags.isEmpty
        let lag = calibrated ? SignalMath.median(lags) ?? 0 : 0
        let tracker = StridePhaseTracker(
            bounces: bounce.map { $0.time - lag }, bounceSigma: calibrated ? 0.035 : 0.06,
            minInterval: options.minStepInterval, maxInterval: options.maxStepInterval)
        var fill: [GaitCandidate] = []
        let end = track.times.last ?? 0
        let start = track.times.first ?? 0
        for span in spans {
            let before = seen.filter { $0.time <= span.lowerBound + 0.05 }
            let after = seen.filter { $0.time >= span.upperBound - 0.05 }
            let forward = !before.isEmpty
            let anchors = forward ? Array(before.suffix(5)) : Array(after.prefix(5))
            guard let anchor = forward ? anchors.last : anchors.first else { continue }
            // The cadence from the seen steps near the stretch and from the bounces inside it: the bounce's lag
            // is the same from step to step, so its intervals are the steps'.
            let inside = bounce.map(\.time).filter { span.contains($0) }
            let intervals = Self.intervals(anchors.map(\.time)) + Self.intervals(inside)
            let local = SignalMath.median(intervals) ?? interval
            let limit = forward ? min(span.upperBound, end - 0.05) : max(span.lowerBound, start + 0.05)
            for (n, t) in tracker.steps(from: anchor.time, interval: local, forward: forward, until: limit).enumerated()
            {
                guard !seen.contains(where: { abs($0.time - t.time) < 0.6 * local }),
                    !landings.contains(where: { abs($0 - t.time) < 0.6 * local }),
                    let b = bounce.min(by: { abs($0.time - lag - t.time) < abs($1.time - lag - t.time) })
                else { continue }
                var step = b
                step.time = t.time
                step.foot = n % 2 == 0 ? anchor.foot.other : anchor.foot
                step.confidence = min(b.confidence, 0.5) * t.withinFiftyMs
                step.timingError = t.sigma
                step.cues =
                    calibrated
                    ? ["pelvis", "stride-phase", "lag-from-feet:\(lags.count)"] : ["pelvis", "stride-phase"]
                fill.append(step)
            }
        }
        Self.logger.debug(
            "feet unseen \(spans.map { String(format: "%.2f–%.2f", $0.lowerBound, $0.upperBound) }.joined(separator: ", ")) s: lag \(String(format: "%+.3f", lag)) s from \(lags.count) pairs, filled \(fill.map { String(format: "%.3f", $0.time) })"
        )
        return fill
    }

    /// Stretches of a track that its seen steps leave unexplained: before the first and after the last step by
    /// more than most of an interval, and gaps between two steps of more than 1.6 intervals. A walker does not
    /// skip a step, so a gap in a rhythm is steps the feet did not show (a foot hidden or out of the picture, its
    /// swing's maximum cut off at the edge); the bounce decides whether the walker kept walking.
    static func uncoveredSpans(seen: [Double], start: Double, end: Double, interval: Double) -> [Span] {
        guard let first = seen.first, let last = seen.last else { return [] }
        var spans: [Span] = []
        if first - start >= 0.8 * interval { spans.append(start...first) }
        for (a, b) in zip(seen, seen.dropFirst()) where b - a >= 1.6 * interval { spans.append(a...b) }
        if end - last >= 0.8 * interval { spans.append(last...end) }
        return spans
    }

    static func medianInterval(_ times: [Double]) -> Double? { SignalMath.median(intervals(times)) }

    static func intervals(_ times: [Double]) -> [Double] {
        let sorted = times.sorted()
        return zip(sorted.dropFirst(), sorted).map { $0 - $1 }
    }
}
