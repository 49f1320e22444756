/// The stride cycle as a steady rhythm: in steady walking one step follows the last after nearly the same time
/// (step-time variability of healthy walkers ≈ 2–4 %, `naturalJitter`), while each measured strike carries the
/// landmarks' error. So each strike is pulled toward the time its neighbours predict, by as much as the walker's
/// own data says its measurements err: a local line through up to `reach` steps on each side (the cadence may drift,
/// as in starting, stopping, turning) predicts the step; the spread of these residuals over the walker, minus the
/// natural jitter, is the measurement variance (or the step's own, from how its timing estimates disagree, when
/// that is smaller), and the posterior mean moves the strike by measurement variance / residual variance of its
/// residual (empirical Bayes; capped, and nothing moves where the residuals are no larger than natural jitter —
/// clean walkers keep their measured times).
struct StrideCycleSmoother {
    /// Standard deviation of real step times around a steady cadence, seconds.
    var naturalJitter = 0.015
    var reach = 2
    /// Steps further apart than this break the rhythm (a pause, a lost track).
    var maxStepInterval: Double
    var maxShift = 0.06

    /// Smoothed copies of `events` (one walker's heel strikes, sorted by time).
    func smooth(_ events: [GaitCandidate]) -> [GaitCandidate] {
        var out = events
        for chain in chains(events) where chain.count >= 4 {
            var residuals: [Double] = []
            var predictions: [Int: (predicted: Double, leverage: Double)] = [:]
            for (pos, i) in chain.enumerated() {
                let lo = max(0, pos - reach)
                let hi = min(chain.count - 1, pos + reach)
                let neighbours = (lo...hi).filter { $0 != pos }
                // Both sides needed: one-sided extrapolation is no prediction of an uneven first or last step.
                guard neighbours.count >= 3, lo < pos, hi > pos,
                    let fit = Self.line(neighbours.map { (Double($0), events[chain[$0]].time) })
                else { continue }
                let predicted = fit.a + fit.b * Double(pos)
                predictions[i] = (predicted, fit.leverage(Double(pos)))
                residuals.append(events[i].time - predicted)
            }
            guard residuals.count >= 2 else { continue }
            // Robust residual variance (a missed or extra step must not inflate it).
            let mad = SignalMath.median(residuals.map { abs($0) }) ?? 0
            let residualVariance = pow2(1.4826 * mad)
            let pooled = max(0, residualVariance - pow2(naturalJitter))
            for (i, p) in predictions {
                let r = events[i].time - p.predicted
                // The step's own timing estimates, where it has several, say how far it errs; a walker starting or
                // stopping changes its rhythm, which the pooled residuals would mistake for measurement error.
                let own = events[i].timingError.map { pow2($0) }
                let measurement = min(own ?? .infinity, pooled / (1 + p.leverage))
                let total = measurement * (1 + p.leverage) + pow2(naturalJitter)
                guard total > 0 else { continue }
                let shift = min(maxShift, max(-maxShift, measurement / total * r))
                out[i].time -= shift
            }
        }
        return out
    }

    /// Index runs of `events` at one rhythm: every interval within the walking range and within 0.6–1.5 × the
    /// walker's median interval (a missed or an extra step breaks the run; a step count would not fit the line).
    func chains(_ events: [GaitCandidate]) -> [[Int]] {
        let intervals = zip(events.dropFirst(), events).map { $0.time - $1.time }.filter { $0 <= maxStepInterval }
        guard let typical = SignalMath.median(intervals) else { return [] }
        var result: [[Int]] = []
        var current: [Int] = []
        for i in events.indices {
            if let last = current.last {
                let gap = events[i].time - events[last].time
                if gap > min(maxStepInterval, 1.5 * typical) || gap < 0.6 * typical {
                    result.append(current)
                    current = []
                }
            }
            current.append(i)
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    struct Line {
        var a: Double
        var b: Double
        var meanX: Double
        var sxx: Double
        var n: Double
        /// Variance of the prediction at x relative to one measurement's.
        func leverage(_ x: Double) -> Double { 1 / n + pow2(x - meanX) / sxx }
    }

    static func line(_ points: [(Double, Double)]) -> Line? {
        let n = Double(points.count)
        guard n >= 2 else { return nil }
        let mx = points.map(\.0).reduce(0, +) / n
        let my = points.map(\.1).reduce(0, +) / n
        let sxx = points.map { pow2($0.0 - mx) }.reduce(0, +)
        guard sxx > 0 else { return nil }
        let sxy = points.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +)
        let b = sxy / sxx
        return Line(a: my - b * mx, b: b, meanX: mx, sxx: sxx, n: n)
    }
}

@inline(__always) private func pow2(_ x: Double) -> Double { x * x }
