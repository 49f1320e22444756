import FootfallCore

/// The surface of a walker's detected step nearest in time: what a moved or added step most likely lands on when
/// no detected segment covers it.
struct NearestSurface {
    private var byWalker: [Int: [(time: Double, surface: String)]] = [:]

    init(_ steps: [StepEvent]) {
        for step in steps {
            guard let surface = step.surface else { continue }
            byWalker[step.walker, default: []].append((step.time, surface))
        }
        for key in byWalker.keys { byWalker[key]?.sort { $0.time < $1.time } }
    }

    func surface(walker: Int, time: Double) -> String? {
        guard let list = byWalker[walker], !list.isEmpty else { return nil }
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].time < time { low = mid + 1 } else { high = mid }
        }
        let candidates = [low - 1, low].filter { list.indices.contains($0) }
        return candidates.min { abs(list[$0].time - time) < abs(list[$1].time - time) }.map { list[$0].surface }
    }
}
