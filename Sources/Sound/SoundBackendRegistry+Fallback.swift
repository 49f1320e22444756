import FootfallCore

extension SoundBackendRegistry {
    /// Backends whose sounds a render may make with the procedural backend instead when they cannot run here,
    /// because they are the default a user did not choose: a fresh checkout without `make setup` has no
    /// recordings, and its first render should still work (and say how to get the real sounds).
    public static let fallsBackToProcedural: Set<String> = ["recorded"]

    /// The backend a render uses: `name`'s (nil: the default) when it can run; else, for a backend in
    /// `fallsBackToProcedural` and unless `config.options["no_fallback"]` is true, the procedural backend with a
    /// warning that says why and what to do. A backend that cannot run otherwise is a usage error with the reason.
    public static func resolve(
        _ name: String?, config: BackendConfig = BackendConfig(), in factories: [SoundBackendFactory] = factories
    ) throws -> (backend: any SoundBackend, warning: String?) {
        let backend = try make(name, config: config, in: factories)
        guard case .unavailable(let reason) = backend.availability() else { return (backend, nil) }
        let noFallback = ["1", "true", "yes"].contains((config.options["no_fallback"] ?? "").lowercased())
        guard fallsBackToProcedural.contains(backend.name), !noFallback else {
            let hint =
                fallsBackToProcedural.contains(backend.name)
                ? " (without --no-fallback, procedural sounds are used instead)" : ""
            throw FootfallError.usage("backend '\(backend.name)' cannot run: \(reason)\(hint)")
        }
        // The reason says what to do (install the recordings, widen --licence).
        let warning =
            "the \(backend.name) backend cannot run, so the steps are synthesised by the procedural backend"
            + " instead: \(reason)"
        return (try make(ProceduralBackend.factory.name, config: config, in: factories), warning)
    }
}
