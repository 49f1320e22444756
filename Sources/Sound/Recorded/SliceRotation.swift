import FootfallCore

/// Which slice of a surface plays next: a seeded choice among the less recently played half, so a slice comes
/// back only after at least half of the others have played (with two slices they alternate; never the same twice
/// in a row when there are two or more). Requests carry no walker, so this spans every walker on the surface:
/// a walker's previous step is among the last few played, and those are the ones left out.
struct SliceRotation {
    private var lastPlayed: [Int]
    private var clock = 0
    private var rng: SeededRandom

    init(count: Int, seed: UInt64, stream: UInt64) {
        lastPlayed = Array(repeating: -1, count: count)
        rng = SeededRandom(seed: seed, stream: stream)
    }

    mutating func next() -> Int {
        let count = lastPlayed.count
        guard count > 1 else { return 0 }
        // Oldest first; ties (never played) by index, then the draw decides among them.
        let oldest = lastPlayed.indices.sorted { (lastPlayed[$0], $0) < (lastPlayed[$1], $1) }
        let pool = oldest.prefix((count + 1) / 2)
        let choice = pool[pool.startIndex + min(pool.count - 1, Int(rng.unit() * Double(pool.count)))]
        clock += 1
        lastPlayed[choice] = clock
        return choice
    }
}
