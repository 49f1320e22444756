import FootfallCore
import Foundation

/// Requests that can share one generated clip: same surface, shoe and sample rate.
struct RequestGroup: Sendable, Equatable {
    var surface: SurfaceKind
    var shoe: ShoeKind
    var sampleRate: Int
    /// Positions of the members in the render's request list, in order.
    var indices: [Int]
    /// The smallest member seed: stable when steps are added later in the video, and so is the cache key.
    var seed: UInt64

    var label: String { "\(surface.rawValue)/\(shoe.rawValue) (\(indices.count) steps)" }

    /// Groups in order of first appearance.
    static func make(_ requests: [SoundRequest]) -> [RequestGroup] {
        var groups: [RequestGroup] = []
        var position: [String: Int] = [:]
        for (i, r) in requests.enumerated() {
            let key = "\(r.surface.rawValue)|\(r.shoe.rawValue)|\(r.sampleRate)"
            if let g = position[key] {
                groups[g].indices.append(i)
                groups[g].seed = min(groups[g].seed, r.seed)
            } else {
                position[key] = groups.count
                groups.append(
                    RequestGroup(surface: r.surface, shoe: r.shoe, sampleRate: r.sampleRate, indices: [i], seed: r.seed)
                )
            }
        }
        return groups
    }
}

extension RunPodBackend {
    /// How many distinct steps a group asks for: its size, at least 3 (some may be rejected), at most the cap.
    func distinctSteps(for group: RequestGroup) -> Int {
        min(max(3, group.indices.count), max(1, config.maxDistinctSteps))
    }

    func jobInput(for group: RequestGroup) -> RunPodJobInput {
        let count = distinctSteps(for: group)
        let seconds = min(config.maxClipSeconds, max(3, (Double(count) * config.secondsPerStep + 1).rounded(.up)))
        var rng = SeededRandom(
            seed: group.seed, stream: Self.stableHash("\(group.surface.rawValue)/\(group.shoe.rawValue)"))
        return RunPodJobInput(
            prompt: config.prompts.prompt(surface: group.surface, shoe: group.shoe, count: count),
            negativePrompt: config.prompts.negativePrompt, secondsTotal: seconds, steps: config.steps,
            cfgScale: config.cfgScale, seed: UInt32(truncatingIfNeeded: rng.next()))
    }

    /// Deals `steps` to the requests: shuffled round-robin (no step twice in a row when there are two or more), each
    /// copy with its own gain (intensity ± 1.5 dB) and playback rate (± 4 %), so repeats don't sound identical.
    func deal(_ steps: [FootstepSound], to requests: [SoundRequest], seed: UInt64) -> [FootstepSound] {
        guard !steps.isEmpty else { return [] }
        var order = SeededRandom(seed: seed, stream: 0x0de7)
        var deck: [Int] = []
        var previous = -1
        return requests.map { request in
            if deck.isEmpty {
                deck = Array(steps.indices).shuffled(using: &order)
                if deck.count > 1, deck.last == previous { deck.swapAt(0, deck.count - 1) }
            }
            let pick = deck.removeLast()
            previous = pick
            var rng = SeededRandom(seed: request.seed, stream: 0xfa11)
            let gainDB = (request.intensity - 0.5) * 12 + rng.uniform(-1.5...1.5)
            let rate = rng.uniform(0.96...1.04)
            return Self.varied(steps[pick], gain: Float(pow(10, gainDB / 20)), rate: rate)
        }
    }

    /// `sound` played `rate` times faster (linear interpolation) and scaled by `gain`.
    static func varied(_ sound: FootstepSound, gain: Float, rate: Double) -> FootstepSound {
        let source = sound.audio
        let length = max(1, Int(Double(source.frameCount) / rate))
        let channels = source.channels.map { x -> [Float] in
            guard !x.isEmpty else { return x }
            return (0..<length).map { j in
                let position = Double(j) * rate
                let i = min(Int(position), x.count - 1)
                let next = min(i + 1, x.count - 1)
                let t = Float(position - Double(i))
                return (x[i] + (x[next] - x[i]) * t) * gain
            }
        }
        let transient = min(length - 1, Int((Double(sound.transientIndex) / rate).rounded()))
        return FootstepSound(
            audio: AudioBuffer(sampleRate: source.sampleRate, channels: channels), transientIndex: transient)
    }

    /// FNV-1a: the same on every run (Swift's `Hasher` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}
