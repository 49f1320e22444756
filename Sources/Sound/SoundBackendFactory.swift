/// How the registry knows a backend before building it: its name, one line for listings, and a constructor.
public struct SoundBackendFactory: Sendable {
    public let name: String
    public let summary: String
    /// Builds the backend. Throwing means "cannot be built with this config"; a built backend may still report
    /// itself unavailable (e.g. a missing API key) through `availability()`.
    public let make: @Sendable (BackendConfig) throws -> any SoundBackend

    public init(name: String, summary: String, make: @escaping @Sendable (BackendConfig) throws -> any SoundBackend) {
        self.name = name
        self.summary = summary
        self.make = make
    }
}
