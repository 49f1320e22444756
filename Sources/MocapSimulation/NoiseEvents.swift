import FootfallCore

/// Which frames lose the pose and which have the lower legs swapped, drawn once per simulation as Poisson events
/// on real time (rates per second, so every frame rate sees the same number per clip).
struct NoiseEvents {
    var dropped: [Bool]
    var swapped: [Bool]
    /// A foot pulled toward the other: (true = the left foot moves, fraction of the way).
    var glitch: [(left: Bool, fraction: Double)?]

    init(times: [Double], options n: PoseNoiseOptions, rng: inout SeededRandom) {
        dropped = [Bool](repeating: false, count: times.count)
        swapped = [Bool](repeating: false, count: times.count)
        glitch = [(left: Bool, fraction: Double)?](repeating: nil, count: times.count)
        for k in times.indices {
            let dt = k > 0 ? times[k] - times[k - 1] : (times.count > 1 ? times[1] - times[0] : 0)
            if rng.unit() < n.dropoutsPerSecond * dt { dropped[k] = true }
            if rng.unit() < n.dropoutBurstsPerSecond * dt {
                let length = 3 + Int(rng.unit() * 6)
                for j in k..<min(k + length, times.count) { dropped[j] = true }
            }
            if rng.unit() < n.legSwapsPerSecond * dt {
                let length = 1 + Int(rng.unit() * 3)
                for j in k..<min(k + length, times.count) { swapped[j] = true }
            }
            if rng.unit() < n.footGlitchesPerSecond * dt {
                glitch[k] = (left: rng.unit() < 0.5, fraction: rng.uniform(0.3...0.7))
            }
        }
    }
}
