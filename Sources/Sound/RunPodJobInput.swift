import Foundation

/// The `input` object sent to a Stable Audio worker on RunPod.
public struct RunPodJobInput: Sendable, Codable, Hashable {
    public var prompt: String
    public var negativePrompt: String
    public var secondsTotal: Double
    public var steps: Int
    public var cfgScale: Double
    public var seed: UInt32

    enum CodingKeys: String, CodingKey {
        case prompt, steps, seed
        case negativePrompt = "negative_prompt"
        case secondsTotal = "seconds_total"
        case cfgScale = "cfg_scale"
    }

    public init(
        prompt: String, negativePrompt: String, secondsTotal: Double, steps: Int, cfgScale: Double, seed: UInt32
    ) {
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.secondsTotal = secondsTotal
        self.steps = steps
        self.cfgScale = cfgScale
        self.seed = seed
    }

    /// Canonical JSON (sorted keys), used both as the request body and as the cache key's source.
    public func canonicalJSON() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }
}
