import FootfallCore

/// One row of `footfall backends`.
public struct BackendListing: Sendable, Equatable {
    public var name: String
    public var summary: String
    public var availability: BackendAvailability
    public var isDefault: Bool
    /// What the backend has to play (`SoundBackend.inventory`).
    public var inventory: String? = nil
}

/// Maps `--backend` names to backends.
public enum SoundBackendRegistry {
    /// The one that sounds most real; without its recordings a render falls back to procedural (`resolve`).
    public static let defaultName = "recorded"

    /// Every backend Footfall knows, in listing order. To add one, give it a `static let factory` and list it here.
    public static let factories: [SoundBackendFactory] = [
        RecordedBackend.factory,
        ProceduralBackend.factory,
        SamplesBackend.factory,
        MockBackend.factory,
        RunPodBackend.factory,
    ]

    public static var names: [String] { factories.map(\.name) }

    /// The factory for `name` (case-insensitive), or a usage error with a suggestion and the list of names.
    public static func factory(named name: String, in factories: [SoundBackendFactory] = factories) throws
        -> SoundBackendFactory
    {
        let key = name.lowercased()
        if let f = factories.first(where: { $0.name == key }) { return f }
        let names = factories.map(\.name)
        throw FootfallError.usage(
            "unknown backend '\(name)'\(DidYouMean.hint(name, from: names)); backends: "
                + names.joined(separator: ", ") + " (see 'footfall backends')")
    }

    /// Builds the backend called `name` (nil means the default).
    public static func make(
        _ name: String?, config: BackendConfig = BackendConfig(), in factories: [SoundBackendFactory] = factories
    ) throws -> any SoundBackend {
        try factory(named: name ?? defaultName, in: factories).make(config)
    }

    /// Every backend with whether it can run under `config`; a backend that cannot even be built is listed as
    /// unavailable with the reason.
    public static func listing(config: BackendConfig = BackendConfig(), in factories: [SoundBackendFactory] = factories)
        -> [BackendListing]
    {
        factories.map { f in
            let availability: BackendAvailability
            var inventory: String?
            do {
                let backend = try f.make(config)
                availability = backend.availability()
                inventory = backend.inventory
            } catch {
                availability = .unavailable(String(describing: error))
            }
            return BackendListing(
                name: f.name, summary: f.summary, availability: availability, isDefault: f.name == defaultName,
                inventory: inventory)
        }
    }
}
