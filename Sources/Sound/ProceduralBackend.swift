import FootfallCore

/// Physically informed footstep synthesis, offline and deterministic for a seed.
///
/// A step is a ground-reaction force (heel, then toe 30–120 ms later, shaped by the shoe) exciting a surface model:
/// modal resonator banks for hard floors, PhISEM particle systems for aggregates, shaped noise for soft ground and
/// bubbles for water. Each request's seed draws the step's variation (gain, pitch, grains).
public struct ProceduralBackend: SoundBackend {
    public static let factory = SoundBackendFactory(
        name: "procedural",
        summary:
            "physically informed synthesis (modal, particle, noise models), offline; stands in when recorded cannot run"
    ) { _ in ProceduralBackend() }

    public let name = "procedural"
    public let summary = ProceduralBackend.factory.summary

    public init() {}

    public func availability() -> BackendAvailability { .ready }

    public func sounds(for requests: [SoundRequest]) async throws -> [FootstepSound] {
        try requests.map(sound(for:))
    }

    /// One footstep (synchronous: synthesis is cheap).
    public func sound(for request: SoundRequest) throws -> FootstepSound {
        guard (8_000...192_000).contains(request.sampleRate) else {
            throw FootfallError.usage("sample rate \(request.sampleRate) Hz is not supported (use 8000–192000)")
        }
        return FootstepSynthesizer().sound(for: request)
    }
}
