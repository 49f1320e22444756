import FootfallCore

/// Round-robin over a surface's recordings in a seeded shuffled order, reshuffled each round, never playing the
/// same recording twice in a row (when there are at least two).
struct SampleRotation {
    private let count: Int
    private var rng: SeededRandom
    private var order: [Int] = []
    private var position = 0
    private var last: Int?

    init(count: Int, seed: UInt64, stream: UInt64) {
        self.count = count
        rng = SeededRandom(seed: seed, stream: stream)
    }

    mutating func next() -> Int {
        if position >= order.count {
            order = Array(0..<count).shuffled(using: &rng)
            // The new round must not start with the recording that ended the previous one.
            if count > 1, order.first == last { order.swapAt(0, 1 + Int(rng.unit() * Double(count - 1))) }
            position = 0
        }
        let choice = order[position]
        position += 1
        last = choice
        return choice
    }
}
