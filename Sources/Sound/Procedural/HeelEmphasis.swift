import FootfallCore

/// Keeps the heel impact the loudest moment of a step, so the mixer's alignment point is unambiguous: anything
/// later (a crunch building up in gravel or snow, a strong toe) is gently limited to `ceiling` × the heel's level.
///
/// A look-ahead limiter: the gain is the minimum of the needed reductions around each sample, then smoothed, so it
/// never jumps (no clicks) and leaves the heel's own envelope window untouched.
enum HeelEmphasis {
    static func apply(to samples: inout [Float], transient: Int, sampleRate: Int, ceiling: Float = 0.9) {
        let envelope = TransientFinder.envelope(AudioBuffer(sampleRate: sampleRate, channels: [samples]))
        guard transient < envelope.count, envelope[transient] > 0 else { return }
        let limit = ceiling * envelope[transient]
        // Limiting starts 1 ms after the peak; the gain smoothing reaches back at most ~0.75 ms, so the samples that
        // make the peak's own envelope value are (nearly) untouched.
        let smoothing = max(2, sampleRate / 2000)
        let start = transient + 2 * smoothing
        guard start < samples.count else { return }
        var raw = [Float](repeating: 1, count: samples.count)
        var needed = false
        for i in start..<samples.count where envelope[i] > limit {
            raw[i] = limit / envelope[i]
            needed = true
        }
        guard needed else { return }
        let held = movingMinimum(raw, radius: smoothing)
        let gain = movingAverage(held, radius: smoothing / 2)
        for i in samples.indices { samples[i] *= gain[i] }
    }

    /// Minimum over [i − radius, i + radius] (van Herk / Gil-Werman: O(n) whatever the radius).
    private static func movingMinimum(_ x: [Float], radius: Int) -> [Float] {
        let width = 2 * radius + 1
        let padded = [Float](repeating: 1, count: radius) + x + [Float](repeating: 1, count: radius + width)
        let n = padded.count
        var fromLeft = padded
        var fromRight = padded
        for i in 1..<n where i % width != 0 { fromLeft[i] = min(fromLeft[i - 1], padded[i]) }
        for i in stride(from: n - 2, through: 0, by: -1) where (i + 1) % width != 0 {
            fromRight[i] = min(fromRight[i + 1], padded[i])
        }
        // Window [i, i + width − 1] of `padded` is centred on x[i].
        return x.indices.map { i in min(fromRight[i], fromLeft[i + width - 1]) }
    }

    private static func movingAverage(_ x: [Float], radius: Int) -> [Float] {
        guard radius > 0 else { return x }
        var prefix = [Float](repeating: 0, count: x.count + 1)
        for i in x.indices { prefix[i + 1] = prefix[i] + x[i] }
        return x.indices.map { i in
            let lo = max(0, i - radius)
            let hi = min(x.count, i + radius + 1)
            return (prefix[hi] - prefix[lo]) / Float(hi - lo)
        }
    }
}
