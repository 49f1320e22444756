import FootfallCore

public struct SamplesBackend: SoundBackend {
    public static let factory = SoundBackendFactory(
        name: "samples", summary: "your recordings: DIR/<surface>/*.wav|flac (--samples-dir DIR)"
    ) { _ in SamplesBackend() }
    public let name = "samples"
    public let summary = SamplesBackend.factory.summary
    public init() {}
    public func availability() -> BackendAvailability { .unavailable("no samples folder: pass --samples-dir DIR") }
    public func sounds(for requests: [SoundRequest]) async throws -> [FootstepSound] {
        throw FootfallError.failure("samples backend not implemented yet")
    }
}
