import FootfallCore
import Foundation
import Logging

/// Zeni et al. (2008): heel strike at the maxima of the heel's position ahead of the pelvis along the walking
/// direction, toe-off at the minima of the toe's. Works wherever "forward" is visible (side and oblique views)
/// and is independent of camera panning, because both points move with the picture.
///
/// The Zeni extremum is where the heel's speed equals the pelvis's; the heel still decelerates for a few tens of
/// milliseconds before it rests on the floor. `restFraction` moves the event to where the heel's speed over the
/// ground (relative to its stance speed, so a panning camera cancels out) has dropped to that fraction of the
/// walking speed: the visible contact, and the late side of the uncertainty.
struct ZeniMethod {
    private static let logger = Logger(label: "footfall.steps")
    var options: StepDetectorOptions

    func events(in s: SegmentSignals, foot: Foot) -> [GaitCandidate] {
        guard let ch = s.feet[foot] else { return [] }
        let dt = s.grid.step
        var out: [GaitCandidate] = []
        for run in TrajectoryGrid.runs([s.pelvisX, s.height, ch.heelX, ch.heelY], minLength: 3) {
            let h = run.map { s.height[$0] ?? 1 }
            let px = run.map { s.pelvisX[$0] ?? 0 }
            let hx = run.map { ch.heelX[$0] ?? 0 }
            let direction = Self.direction(s: s, run: run, foot: ch)
            let forward = hx.indices.map { (hx[$0] - px[$0]) * direction[$0] / h[$0] }
            let heelV = SignalMath.derivative(hx, dt: dt).enumerated().map {
                $0.element * direction[$0.offset] / h[$0.offset]
            }
            let pelvisV = SignalMath.derivative(px, dt: dt).enumerated().map {
                $0.element * direction[$0.offset] / h[$0.offset]
            }
            let minDistance = Int(2 * options.minStepInterval / dt)
            for peak in SignalMath.peaks(forward, minProminence: options.minHeelExcursion, minDistance: minDistance) {
                let k = peak.index
                guard k > 0, k < forward.count - 1 else { continue }
                var u = Double(k) + SignalMath.parabolicOffset(forward[k - 1], forward[k], forward[k + 1])
                // Stance speed of this heel after contact (≈ 0 for a static camera, the pan speed otherwise).
                let stance = Self.plateau(heelV, from: k + Int(0.03 / dt), to: k + Int(0.4 / dt), width: Int(0.08 / dt))
                let walking = pelvisV[k] - stance
                // The foot sheds the last half of its speed within a few tens of ms; a rest found much later means
                // the landmarks wobbled (legs crossing, left/right confusion): keep the later time, trust it less.
                var settling = 1.0
                if options.restFraction < 1, walking > 0.05 {
                    // The first part of the foot to stop moving forward over the ground: the heel for a heel
                    // strike, the toe for a forefoot (running) landing.
                    let heelRest = Self.rest(heelV, stance: stance, walking: walking, from: k, options: options, dt: dt)
                    let toeV = Self.toeVelocity(ch, run: run, around: k, direction: direction, heights: h, dt: dt)
                    let toeRest = toeV.flatMap { v -> Double? in
                        let toeStance = Self.plateau(
                            v, from: k + Int(0.03 / dt), to: k + Int(0.4 / dt), width: Int(0.08 / dt))
                        return Self.rest(
                            v, stance: toeStance, walking: pelvisV[k] - toeStance, from: k, options: options, dt: dt)
                    }
                    if let c = [heelRest, toeRest].compactMap({ $0 }).min(), c > u {
                        if (c - u) * dt > 0.1 { settling = 0.6 }
                        u = c
                    }
                }
                let g = Double(run.lowerBound) + u
                Self.logger.debug(
                    "zeni \(foot.rawValue) peak \(String(format: "%.3f", s.grid.time(Double(run.lowerBound + k)))) s, prominence \(String(format: "%.3f", peak.prominence)), stance \(String(format: "%.2f", stance)), walking \(String(format: "%.2f", walking)) h/s, event \(String(format: "%.3f", s.grid.time(g)))"
                )
                var strike = candidate(s, ch, foot: foot, kind: .heelStrike, at: g, run: run, speed: max(walking, 0))
                strike.confidence *= settling
                out.append(strike)
            }
            // Toe-off: the toe furthest behind the pelvis.
            let toeRuns = TrajectoryGrid.runs([ch.toeX], minLength: 3).compactMap { r -> Range<Int>? in
                let lo = max(r.lowerBound, run.lowerBound)
                let hi = min(r.upperBound, run.upperBound)
                return lo + 2 < hi ? lo..<hi : nil
            }
            for toeRun in toeRuns {
                let back = toeRun.map { i -> Double in
                    let k = i - run.lowerBound
                    return -((ch.toeX[i] ?? 0) - px[k]) * direction[k] / h[k]
                }
                for peak in SignalMath.peaks(back, minProminence: options.minHeelExcursion, minDistance: minDistance) {
                    let k = peak.index
                    guard k > 0, k < back.count - 1 else { continue }
                    let u =
                        Double(toeRun.lowerBound + k) + SignalMath.parabolicOffset(back[k - 1], back[k], back[k + 1])
                    out.append(candidate(s, ch, foot: foot, kind: .toeOff, at: u, run: toeRun, speed: nil))
                }
            }
        }
        return out
    }

    private func candidate(
        _ s: SegmentSignals, _ ch: SegmentSignals.FootChannels, foot: Foot, kind: GaitEventKind, at u: Double,
        run: Range<Int>, speed: Double?
    ) -> GaitCandidate {
        let x = kind == .heelStrike ? ch.heelX : ch.toeX
        let y = kind == .heelStrike ? ch.heelY : ch.toeY
        var position: Point2D?
        if let px = s.value(x, at: u), let py = s.value(y, at: u) { position = Point2D(x: px, y: py) }
        return GaitCandidate(
            time: s.grid.time(u), foot: foot, kind: kind, method: "zeni",
            confidence: s.confidence(foot: foot, at: u, run: run, guardSeconds: options.gapGuard),
            position: position, walkerHeight: s.value(s.height, at: u), speed: speed)
    }

    /// Where forward speed over the ground (`v − stance`) has fallen to `restFraction × walking` and stays there.
    static func rest(
        _ v: [Double], stance: Double, walking: Double, from k: Int, options: StepDetectorOptions, dt: Double
    ) -> Double? {
        guard walking > 0.05 else { return nil }
        return SegmentSignals.firstCrossingBelow(
            v, level: stance + options.restFraction * walking, from: k, limit: k + Int(0.2 / dt), hold: Int(0.05 / dt))
    }

    /// Forward toe velocity (heights/s) over the run, or nil when the toe is not seen throughout the 0.5 s after
    /// index `k` (then only the heel decides).
    static func toeVelocity(
        _ ch: SegmentSignals.FootChannels, run: Range<Int>, around k: Int, direction: [Double], heights: [Double],
        dt: Double
    ) -> [Double]? {
        let end = min(run.count - 1, k + Int(0.5 / dt))
        guard (k...end).allSatisfy({ ch.toeX[run.lowerBound + $0] != nil }) else { return nil }
        let tx = run.map { ch.toeX[$0] ?? 0 }
        return SignalMath.derivative(tx, dt: dt).enumerated().map {
            $0.element * direction[$0.offset] / heights[$0.offset]
        }
    }

    /// Mean of the flattest `width`-sample stretch of `v` inside `from...to`: the heel's velocity while it rests on
    /// the ground. The heel may still slide for a frame or two after the extremum and rises before toe-off; the
    /// flattest stretch between is the stance.
    static func plateau(_ v: [Double], from: Int, to: Int, width: Int) -> Double {
        let hi = min(to, v.count - 1)
        let w = max(2, width)
        guard from + w <= hi else { return from < v.count ? v[from] : 0 }
        var best = Double.infinity
        var mean = 0.0
        var start = from
        while start + w <= hi {
            let window = v[start..<(start + w)]
            let range = (window.max() ?? 0) - (window.min() ?? 0)
            if range < best {
                best = range
                mean = window.reduce(0, +) / Double(w)
            }
            start += max(1, w / 4)
        }
        return mean
    }

    /// Walking direction (+1 right, −1 left) per sample: the pelvis's own motion where it clearly moves (turns
    /// are followed), otherwise the way the toes point relative to the heels (treadmill, tracking camera).
    static func direction(s: SegmentSignals, run: Range<Int>, foot: SegmentSignals.FootChannels) -> [Double] {
        var toeAhead: [Double] = []
        for i in run { if let t = foot.toeX[i], let hx = foot.heelX[i] { toeAhead.append(t - hx) } }
        let px = run.map { s.pelvisX[$0] ?? 0 }
        let slow = ZeroPhaseLowPass(cutoffHz: 0.5, sampleRate: 1 / s.grid.step).apply(px)
        let v = SignalMath.derivative(slow, dt: s.grid.step)
        let meanV = SignalMath.median(v) ?? 0
        let toeMedian = SignalMath.median(toeAhead) ?? 0
        let fallback: Double = toeMedian != 0 ? (toeMedian > 0 ? 1 : -1) : (meanV >= 0 ? 1 : -1)
        return run.enumerated().map { k, i in
            let h = s.height[i] ?? 1
            return abs(v[k]) / h >= 0.2 ? (v[k] > 0 ? 1 : -1) : fallback
        }
    }
}
