import FootfallCore
import Foundation

/// Deterministic short thumps with an exactly known transient, for tests of later stages.
///
/// Each sound: 5 ms of silence, then a symmetric 1 ms click peaking at `transientIndex` over a 10 ms decaying
/// 120 Hz thump. Left and right feet differ in level so mixes can tell them apart.
public struct MockBackend: SoundBackend {
    public static let factory = SoundBackendFactory(
        name: "mock", summary: "deterministic test thumps with an exact transient (for tests)"
    ) { _ in MockBackend() }

    /// Where the click peaks, in seconds from the start of each sound.
    public static let transientTime = 0.005

    public let name = "mock"
    public let summary = MockBackend.factory.summary

    public init() {}

    public func availability() -> BackendAvailability { .ready }

    public func sounds(for requests: [SoundRequest]) async throws -> [FootstepSound] {
        requests.map(Self.sound(for:))
    }

    public static func sound(for request: SoundRequest) -> FootstepSound {
        let rate = Double(request.sampleRate)
        let peakIndex = Int((transientTime * rate).rounded())
        let halfClick = max(1, Int(0.0005 * rate))
        let thumpLength = Int(0.010 * rate)
        let count = peakIndex + thumpLength + halfClick
        let level: Float = (request.foot == .left ? 0.8 : 0.7) * Float(0.5 + 0.5 * request.safeIntensity)
        var samples = [Float](repeating: 0, count: count)
        for k in -halfClick...halfClick {
            // Triangle-windowed alternating click: symmetric about the peak, so its envelope peaks exactly there.
            let weight = 1 - Float(abs(k)) / Float(halfClick + 1)
            samples[peakIndex + k] += level * weight * (k % 2 == 0 ? 1 : -1)
        }
        for i in 0..<thumpLength {
            let t = Double(i) / rate
            let thump = sin(2 * Double.pi * 120 * t) * exp(-t / 0.003)
            samples[peakIndex + i] += level * 0.25 * Float(thump)
        }
        return FootstepSound(
            audio: AudioBuffer(sampleRate: request.sampleRate, channels: [samples]), transientIndex: peakIndex)
    }
}
