import FootfallCore
import Foundation
import Logging

/// Heel strikes from the gait cycle in the walker's own frame (`BodyFrame`), the same way from every view.
///
/// Per foot the cycle is: swing (the heel travels forward relative to the pelvis), contact (it stops moving over
/// the ground), stance (it travels backward relative to the pelvis at the walking speed). So:
/// 1. **Heel ahead of the pelvis** (Zeni et al. 2008), along the walker's forward axis: one maximum per stride.
///    Its prominence must reach `minStrideSpread / 2` leg lengths; standing, shifting weight and gesturing move
///    a foot far less.
/// 2. **Heel at rest over the ground**, in two ways: in the walker's frame, the heel's speed relative to the
///    pelvis after contact settles at the walking speed (the stance plateau), and the heel has come to rest where
///    its speed over the ground (relative speed + walking speed) has fallen to `groundRestFraction` of it; in the
///    picture (`GroundMotion`), where the heel's image speed, the camera's motion taken out, has fallen to
///    `pictureRestFraction` of its swing speed.
///    The strike is the median of the three estimates (the maximum plus `strideLatency`, the two rest points plus
///    their latencies), or the mean of those there are; their disagreement is the step's timing error, which
///    lowers its confidence and tells `StrideCycleSmoother` how far to trust it.
/// 3. **The feet take turns ahead**: the spread between the feet along the forward axis must favour the striking
///    foot; a maximum of one heel while the other foot is level or ahead is a two-foot landing or a left/right
///    mix-up of the pose model.
/// Camera motion cancels in the first and third (both feet and the pelvis are in the same picture) and is taken
/// out of the second.
struct GaitCycleMethod {
    static let name = "gait"
    private static let logger = Logger(label: "footfall.steps")
    var options: StepDetectorOptions

    func events(track: WalkerTrack, signals s: SegmentSignals, cutoffHz: Double) -> [GaitCandidate] {
        guard let body = BodyFrame(track: track, signals: s, minVisibility: options.minVisibility) else { return [] }
        let grid = s.grid
        let dt = grid.step
        let lowPass = ZeroPhaseLowPass(cutoffHz: cutoffHz, sampleRate: 1 / dt)
        let frameStep = track.frameStep ?? 0
        let minRun = max(3, Int(0.25 / dt))
        func channel(_ values: [Double?]) -> [Double?] {
            // Glitches are judged in leg lengths, beyond landmark jitter (6 %) and beyond what a swinging heel can
            // travel relative to the pelvis in one frame (≈ 4 leg lengths/s): at 10 fps that is 0.4 of a leg.
            let floor = max(0.06, 4 * frameStep)
            let cleaned = SegmentSignals.despike(values, times: track.times, frameStep: frameStep, floor: floor)
            let resampled = grid.resample(times: track.times, values: cleaned, maxGap: s.maxBridgedGap)
            return SegmentSignals.filtered(
                resampled, runs: TrajectoryGrid.runs([resampled], minLength: minRun), with: lowPass)
        }
        var heel: [Foot: [Double?]] = [:]
        for foot in Foot.allCases { heel[foot] = channel(body.heelForward[foot] ?? []) }
        let source = body.source.rawValue
        let ground = GroundMotion(track: track, signals: s)
        let minDistance = Int(2 * options.minStepInterval / dt)
        var out: [GaitCandidate] = []
        for foot in Foot.allCases {
            let own = heel[foot] ?? []
            let other = heel[foot.other] ?? []
            for run in TrajectoryGrid.runs([own], minLength: minRun) {
                let x = run.map { own[$0] ?? 0 }
                let v = SignalMath.derivative(x, dt: dt)
                for peak in SignalMath.peaks(x, minProminence: options.minStrideSpread / 2, minDistance: minDistance) {
                    guard let u = Self.refined(x, peak.index) else { continue }
                    var cues = ["heel-ahead:\(source)"]
                    // Up to three estimates of the contact with partly independent errors, each shifted by its
                    // lead or lag measured on the mocap sweep without noise.
                    let g = run.lowerBound + peak.index
                    var estimates = [u + options.strideLatency / dt]
                    if let rest = restIndex(v, after: peak.index, dt: dt) {
                        estimates.append(rest + options.restLatency / dt)
                        cues.append("heel-rest:\(source)")
                    }
                    if let rest = ground.restIndex(foot: foot, after: g, options: options) {
                        estimates.append(rest - Double(run.lowerBound) + options.pictureRestLatency / dt)
                        cues.append("heel-rest:picture")
                    }
                    // The median of three: one estimate thrown off (a foot sliding, a wobbling landmark) does not
                    // move the strike.
                    let at =
                        estimates.count == 3
                        ? estimates.sorted()[1] : estimates.reduce(0, +) / Double(estimates.count)
                    let n = Double(estimates.count)
                    let spread = estimates.map { ($0 - at) * ($0 - at) }.reduce(0, +) / max(1, n - 1)
                    let strength = peak.prominence / options.minStrideSpread
                    // The spread at the maximum: at a heel strike this heel is the one ahead. Both feet level is a
                    // two-foot landing or the pose model's legs mixed up, not this foot's step.
                    var reject: String?
                    if let o = other[g] {
                        if o > x[peak.index] - options.minStrideSpread / 4 {
                            reject = "the other foot is not behind (both feet level or legs mixed up)"
                        } else {
                            cues.append("stride")
                        }
                    }
                    let compression = Self.legCompression(s, foot: foot, at: Double(run.lowerBound) + at)
                    if reject == nil, let c = compression, c > options.maxLandingCompression {
                        reject = String(
                            format: "\(GaitCandidate.landing): the leg gave way by %.2f of the walker's height", c)
                    }
                    Self.logger.debug(
                        "gait \(foot.rawValue): maximum \(String(format: "%.3f", grid.time(Double(run.lowerBound) + u))) s, prominence \(String(format: "%.2f", peak.prominence)), strike \(String(format: "%.3f", grid.time(Double(run.lowerBound) + at))) s from \(estimates.map { String(format: "%.3f", grid.time(Double(run.lowerBound) + $0)) }), cues \(cues), leg compression \(compression.map { String(format: "%.2f", $0) } ?? "-")"
                    )
                    var c = candidate(
                        s, foot: foot, at: Double(run.lowerBound) + at, run: run, strength: strength, cues: cues)
                    c.rejectReason = reject
                    c.swing = peak.prominence
                    if estimates.count >= 2 { c.timingError = (spread / n).squareRoot() * dt }
                    c.confidence *= Self.withinTolerance(timingError: c.timingError)
                    out.append(c)
                }
            }
        }
        // Toe-off: the toe furthest behind the pelvis (Zeni et al. 2008).
        for foot in Foot.allCases {
            let toe = channel(body.toeForward[foot] ?? [])
            for run in TrajectoryGrid.runs([toe], minLength: minRun) {
                let back = run.map { -(toe[$0] ?? 0) }
                for peak in SignalMath.peaks(back, minProminence: options.minStrideSpread / 2, minDistance: minDistance)
                {
                    guard let u = Self.refined(back, peak.index) else { continue }
                    var c = candidate(
                        s, foot: foot, at: Double(run.lowerBound) + u, run: run,
                        strength: peak.prominence / options.minStrideSpread, cues: ["toe-behind:\(source)"])
                    c.kind = .toeOff
                    out.append(c)
                }
            }
        }
        Self.logger.debug("gait: walker \(track.walker) \(source) landmarks, \(out.count) candidates")
        return out
    }

    /// Fractional index after the heel's forward maximum `k` where its speed over the ground has fallen to
    /// `groundRestFraction` of the walking speed. The walking speed is the stance plateau of the heel's speed
    /// relative to the pelvis 0.1–0.3 s after the maximum (the foot planted, the body passing over it); nil when
    /// there is no such plateau (the track ends, the foot is not moving backward: no stance seen).
    func restIndex(_ v: [Double], after k: Int, dt: Double) -> Double? {
        let lo = k + Int(0.1 / dt)
        let hi = min(v.count, k + Int(0.3 / dt))
        guard hi - lo >= 3, let stance = SignalMath.median(Array(v[lo..<hi])) else { return nil }
        let walking = -stance
        // Slower than a tenth of a leg length per second is not a stance plateau but a still foot.
        guard walking > 0.1 else { return nil }
        let level = -(1 - options.groundRestFraction) * walking
        return SegmentSignals.firstCrossingBelow(v, level: level, from: k, limit: min(v.count - 1, k + Int(0.2 / dt)))
    }

    /// How far the pelvis comes down toward the striking heel around a contact, in standing heights: the most
    /// hip-to-heel height in the 0.2 s before, less the least in the 0.25 s after. A walking or running leg takes
    /// the weight nearly straight (knee flexion of 15–40°: up to ~0.06 of the height); a body landing from a jump
    /// or a drop folds the legs to absorb the fall. The picture's motion cancels (both points are in it);
    /// nil where they are not seen.
    static func legCompression(_ s: SegmentSignals, foot: Foot, at u: Double) -> Double? {
        guard let heel = s.feet[foot]?.heelY else { return nil }
        let dt = s.grid.step
        let k = Int(u.rounded())
        let lo = max(0, k - Int(0.2 / dt))
        let hi = min(s.grid.count - 1, k + Int(0.25 / dt))
        guard lo < k, k < hi else { return nil }
        var before: Double?
        var after: Double?
        var standing = 0.0
        for i in lo...hi {
            guard let h = heel[i], let p = s.pelvisY[i], let height = s.height[i] else { continue }
            standing = max(standing, height)
            let leg = h - p
            if i <= k { before = max(before ?? leg, leg) } else { after = min(after ?? leg, leg) }
        }
        guard let before, let after, standing > 0 else { return nil }
        return (before - after) / standing
    }

    /// The chance that a strike lies within ±50 ms of the contact (what a listener hears as in sync), for a
    /// normal timing error whose spread is the estimates' own disagreement plus the error they share (15 ms, the
    /// noise-free sweep's spread); a strike with one estimate is taken to be off by 30 ms. Measured on the mocap
    /// sweep, this makes the confidence follow how often steps are right (bench/RESULTS.md, table h).
    static func withinTolerance(timingError: Double?) -> Double {
        let e = timingError ?? 0.03
        let sigma = (e * e + 0.015 * 0.015).squareRoot()
        return erf(0.05 / (sigma * 2.0.squareRoot()))
    }

    /// Sub-sample position of a peak; nil at a run's edge (the true extremum may lie outside what was seen).
    static func refined(_ x: [Double], _ k: Int) -> Double? {
        guard k > 0, k < x.count - 1 else { return nil }
        return Double(k) + SignalMath.parabolicOffset(x[k - 1], x[k], x[k + 1])
    }

    private func candidate(
        _ s: SegmentSignals, foot: Foot, at u: Double, run: Range<Int>, strength: Double, cues: [String]
    ) -> GaitCandidate {
        let ch = s.feet[foot]
        var position: Point2D?
        if let ch, let x = s.value(ch.heelX, at: u), let y = s.value(ch.heelY, at: u) {
            position = Point2D(x: x, y: y)
        }
        let seen = s.confidence(foot: foot, at: u, run: run, guardSeconds: options.gapGuard)
        var c = GaitCandidate(
            time: s.grid.time(u), foot: foot, kind: .heelStrike, method: Self.name,
            confidence: min(1, strength) * seen, position: position, walkerHeight: s.value(s.height, at: u),
            speed: nil)
        c.cues = cues
        return c
    }
}
