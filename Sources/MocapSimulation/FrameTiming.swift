import FootfallCore

/// Presentation times of a simulated video's frames, seconds from its first frame.
enum FrameTiming {
    /// Frames at `frameRate` over `duration`; with `jitter` > 0 each interval is (1 ± up to `jitter`) × nominal
    /// (variable frame rate: phones drop and stretch frames). The times are exact: the mocap is sampled at them,
    /// so a detector that assumes frame / fps sees a real timing error.
    static func times(duration: Double, frameRate: Double, jitter: Double, rng: inout SeededRandom) -> [Double] {
        let step = 1 / frameRate
        let j = min(max(jitter, 0), 0.9)
        var times: [Double] = [0]
        while true {
            let next = times[times.count - 1] + step * (1 + (j > 0 ? j * (2 * rng.unit() - 1) : 0))
            if next > duration + 1e-9 { break }
            times.append(next)
        }
        return times
    }
}
