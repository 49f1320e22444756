import Foundation

/// Carries a walker's step rhythm through a stretch where the feet are not seen: a one-dimensional Kalman filter on
/// the time of the next step. The prediction is the last step plus one interval, its variance grows by the
/// step-to-step variability of walking (a few per cent of the interval); a body-bounce time near it is the
/// measurement. Without a bounce near the prediction the walker may have stopped, so the chain ends.
struct StridePhaseTracker {
    struct Step {
        var time: Double
        /// Standard deviation of the step's time, seconds.
        var sigma: Double
        /// Probability that the true step is within ±50 ms of `time`, for a normal error of `sigma`.
        var withinFiftyMs: Double { erf(0.05 / (sigma * 2.0.squareRoot())) }
    }

    /// Body-bounce times, already corrected for their lag behind the heel strikes.
    var bounces: [Double]
    var bounceSigma: Double
    var minInterval: Double
    var maxInterval: Double
    /// Step-to-step variability of the interval in steady walking, as a fraction of it (≈ 2–4 % in adults).
    var intervalVariability = 0.04

    /// Steps after (or, `forward` false, before) the seen step at `anchor`, up to `limit`.
    func steps(from anchor: Double, interval: Double, forward: Bool, until limit: Double) -> [Step] {
        guard interval >= minInterval, interval <= maxInterval else { return [] }
        let direction = forward ? 1.0 : -1.0
        var out: [Step] = []
        var time = anchor
        var variance = 0.0
        while true {
            let predicted = time + direction * interval
            guard forward ? predicted <= limit : predicted >= limit else { break }
            let predictedVariance = variance + (intervalVariability * interval) * (intervalVariability * interval)
            guard let b = bounces.min(by: { abs($0 - predicted) < abs($1 - predicted) }),
                abs(b - predicted) <= 0.3 * interval
            else { break }
            let r = bounceSigma * bounceSigma
            let gain = predictedVariance / (predictedVariance + r)
            time = predicted + gain * (b - predicted)
            variance = (1 - gain) * predictedVariance
            out.append(Step(time: time, sigma: variance.squareRoot()))
        }
        return out
    }
}
