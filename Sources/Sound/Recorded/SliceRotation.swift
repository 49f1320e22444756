import FootfallCore

/// Which slice of a surface one walker plays next: a seeded choice among the less recently played half, never
/// from the file the walker's previous step came from (when the surface has another), so a file comes back only
/// after others have played and a slice only after at least half of the others (with two files they alternate).
/// Each walker has its own rotation, started from its own draw, so two walkers side by side rarely line up.
struct SliceRotation {
    private var lastPlayed: [Int]
    /// The recording each slice was cut from (several steps of one file are still that file's sound).
    private let files: [Int]
    private var lastFile: Int?
    private var clock = 0
    private var rng: SeededRandom

    /// `files[i]`: an id of the recording slice `i` comes from.
    init(files: [Int], seed: UInt64, stream: UInt64) {
        lastPlayed = Array(repeating: -1, count: files.count)
        self.files = files
        rng = SeededRandom(seed: seed, stream: stream)
    }

    init(count: Int, seed: UInt64, stream: UInt64) {
        self.init(files: Array(0..<count), seed: seed, stream: stream)
    }

    mutating func next() -> Int {
        let count = lastPlayed.count
        guard count > 1 else { return 0 }
        // Oldest first; ties (never played) by index, then the draw decides among them.
        let oldest = lastPlayed.indices.sorted { (lastPlayed[$0], $0) < (lastPlayed[$1], $1) }
        let otherFiles = oldest.filter { files[$0] != lastFile }
        let candidates = otherFiles.isEmpty ? oldest : otherFiles
        let pool = candidates.prefix((candidates.count + 1) / 2)
        let choice = pool[pool.startIndex + min(pool.count - 1, Int(rng.unit() * Double(pool.count)))]
        clock += 1
        lastPlayed[choice] = clock
        lastFile = files[choice]
        return choice
    }
}
