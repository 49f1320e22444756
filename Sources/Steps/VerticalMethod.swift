import FootfallCore

/// For walkers seen from the front or back, where "forward" is depth: a heel strike is the foot coming to rest on
/// the ground after its swing. The swing shows as image motion that is mostly vertical (the foot lifts, moves in
/// depth, which perspective maps to image y, and comes down); normalised by the apparent height, so approaching
/// walkers (growing in the picture) and distant ones are judged alike.
///
/// Motion is measured relative to the foot's stance motion (the sliding median of its velocity over about a
/// gait cycle; a foot is in stance ~60 % of the time), so a camera that follows the walker cancels out.
/// Heel strike = the first moment after the swing-speed peak where the relative speed falls to
/// `verticalRestFraction` of that peak; toe-off = the last such moment before it.
struct VerticalMethod {
    var options: StepDetectorOptions

    func events(in s: SegmentSignals, foot: Foot) -> [GaitCandidate] {
        guard let ch = s.feet[foot] else { return [] }
        let dt = s.grid.step
        let otherSpeed = relativeSpeed(s, foot: foot.other)
        var out: [GaitCandidate] = []
        for run in TrajectoryGrid.runs([s.height, ch.heelX, ch.heelY], minLength: 3) {
            let speed = relativeSpeed(s, channels: ch, run: run)
            // Landmark jitter alone makes a resting foot "move"; a swing must stand well above the foot's typical
            // (mostly stance) speed, not just above a fixed floor.
            let typical = SignalMath.median(speed) ?? 0
            let minPeak = max(options.minSwingSpeed, 4 * typical)
            let minDistance = Int(2 * options.minStepInterval / dt)
            for peak in SignalMath.peaks(speed, minProminence: options.minSwingSpeed, minDistance: minDistance)
            where speed[peak.index] >= minPeak {
                let k = peak.index
                // Walking has single support: while this foot swings, the other rests. Both moving alike is a
                // hop, a jump or noise.
                var support = 1.0
                var reason: String?
                if let other = otherSpeed[run.lowerBound + k] {
                    if other > 0.5 * speed[k] { reason = "both feet moving (jump landing or hop)" }
                } else {
                    support = 0.7  // the other foot is not seen: less sure
                }
                let level = options.verticalRestFraction * speed[k]
                // A swing lasts ~0.4 s; its speed peak is mid-swing when walking, but at lift-off when stepping in
                // place (the foot only rises and falls), so the landing may come most of a swing later.
                let limit = k + Int(0.45 / dt)
                // Swings that never come to rest inside the run (cut by a gap or the end) give no event.
                guard
                    let land = SegmentSignals.firstCrossingBelow(
                        speed, level: level, from: k, limit: limit, hold: Int(0.05 / dt))
                else {
                    continue
                }
                let u = Double(run.lowerBound) + land
                var strike = candidate(s, ch, foot: foot, kind: .heelStrike, at: u, run: run)
                strike.confidence *= support
                strike.rejectReason = reason
                out.append(strike)
                guard reason == nil else { continue }
                let reversed = Array(speed[max(0, k - Int(0.35 / dt))...k].reversed())
                if let back = SegmentSignals.firstCrossingBelow(
                    reversed, level: level, from: 0, limit: reversed.count - 1)
                {
                    let t = Double(run.lowerBound + k) - back
                    out.append(candidate(s, ch, foot: foot, kind: .toeOff, at: t, run: run))
                }
            }
        }
        return out
    }

    /// A foot's speed relative to its stance motion over `run`, in walker heights per second.
    func relativeSpeed(_ s: SegmentSignals, channels ch: SegmentSignals.FootChannels, run: Range<Int>) -> [Double] {
        let dt = s.grid.step
        let h = run.map { s.height[$0] ?? 1 }
        let vx = SignalMath.derivative(run.map { ch.heelX[$0] ?? 0 }, dt: dt).enumerated().map {
            $0.element / h[$0.offset]
        }
        let vy = SignalMath.derivative(run.map { ch.heelY[$0] ?? 0 }, dt: dt).enumerated().map {
            $0.element / h[$0.offset]
        }
        let half = Int(0.6 / dt)
        let refX = Self.slidingMedian(vx, half: half, stride: max(1, Int(0.03 / dt)))
        let refY = Self.slidingMedian(vy, half: half, stride: max(1, Int(0.03 / dt)))
        return vx.indices.map { i -> Double in
            let dx = vx[i] - refX[i]
            let dy = vy[i] - refY[i]
            return (dx * dx + dy * dy).squareRoot()
        }
    }

    /// The same for a whole segment's grid (nil where the foot is not seen).
    func relativeSpeed(_ s: SegmentSignals, foot: Foot) -> [Double?] {
        var out = [Double?](repeating: nil, count: s.grid.count)
        guard let ch = s.feet[foot] else { return out }
        for run in TrajectoryGrid.runs([s.height, ch.heelX, ch.heelY], minLength: 3) {
            for (k, v) in relativeSpeed(s, channels: ch, run: run).enumerated() { out[run.lowerBound + k] = v }
        }
        return out
    }

    private func candidate(
        _ s: SegmentSignals, _ ch: SegmentSignals.FootChannels, foot: Foot, kind: GaitEventKind, at u: Double,
        run: Range<Int>
    ) -> GaitCandidate {
        var position: Point2D?
        let x = kind == .heelStrike ? ch.heelX : (ch.toeX.contains { $0 != nil } ? ch.toeX : ch.heelX)
        let y = kind == .heelStrike ? ch.heelY : (ch.toeY.contains { $0 != nil } ? ch.toeY : ch.heelY)
        if let px = s.value(x, at: u), let py = s.value(y, at: u) { position = Point2D(x: px, y: py) }
        return GaitCandidate(
            time: s.grid.time(u), foot: foot, kind: kind, method: "vertical",
            confidence: s.confidence(foot: foot, at: u, run: run, guardSeconds: options.gapGuard),
            position: position, walkerHeight: s.value(s.height, at: u), speed: nil)
    }

    /// Median of `x` over ±`half` samples, evaluated every `stride` samples (from every `stride`-th sample of the
    /// window: the input is low-passed, so that loses nothing) and linearly interpolated between.
    static func slidingMedian(_ x: [Double], half: Int, stride step: Int) -> [Double] {
        let n = x.count
        guard n > 0 else { return [] }
        var knots: [(Int, Double)] = []
        var i = 0
        while true {
            let lo = max(0, i - half)
            let hi = min(n - 1, i + half)
            knots.append((i, SignalMath.median(Swift.stride(from: lo, through: hi, by: step).map { x[$0] }) ?? 0))
            if i == n - 1 { break }
            i = min(n - 1, i + step)
        }
        var out = [Double](repeating: 0, count: n)
        for k in 0..<(knots.count - 1) {
            let (a, va) = knots[k]
            let (b, vb) = knots[k + 1]
            for j in a...b { out[j] = b > a ? va + (vb - va) * Double(j - a) / Double(b - a) : va }
        }
        if knots.count == 1 { out[0] = knots[0].1 }
        return out
    }
}
