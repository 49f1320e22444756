import FootfallCore
import Sound

extension FootstepPlan {
    /// One sound request per planned step, in plan order (the order `Mixer` pairs sounds with steps).
    /// The step interval is the time to the same walker's next step (or previous, for the last one).
    /// - Throws: `FootfallError.usage` for a surface name no backend knows (with a suggestion).
    public func soundRequests(shoe: ShoeKind = .sneaker, sampleRate: Int = AudioBuffer.standardRate) throws
        -> [SoundRequest]
    {
        var timesByWalker: [Int: [Double]] = [:]
        for p in steps { timesByWalker[p.step.walker, default: []].append(p.step.time) }
        return try steps.map { p in
            let times = timesByWalker[p.step.walker] ?? []
            let interval: Double?
            if let next = times.first(where: { $0 > p.step.time }) {
                interval = next - p.step.time
            } else {
                interval = times.last(where: { $0 < p.step.time }).map { p.step.time - $0 }
            }
            return SoundRequest(
                surface: try SurfaceKind.parse(p.surface), shoe: shoe, foot: p.step.foot,
                intensity: min(max(p.step.intensity ?? 0.5, 0), 1), stepInterval: interval, seed: p.seed,
                sampleRate: sampleRate, walker: p.step.walker)
        }
    }
}
