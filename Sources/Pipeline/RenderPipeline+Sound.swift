import FootfallCore
import Foundation
import Mix
import Sound

extension RenderPipeline {
    /// The configured backend, checked before any heavy work (a typo in its name should cost a second, not a
    /// pose pass).
    func makeBackend(for request: RenderRequest) throws -> any SoundBackend {
        var config = request.config
        if request.noFallback { config.backendOptions["no_fallback"] = "true" }
        let backendConfig = BackendConfig(
            config, environment: request.environment ?? DotEnv.environment(), logger: logger)
        let backend = try SoundBackendRegistry.make(config.backend, config: backendConfig)
        if case .unavailable(let reason) = backend.availability() {
            throw FootfallError.usage("backend '\(backend.name)' cannot run: \(reason)")
        }
        return backend
    }

    /// One sound per planned step; the backend's warnings (e.g. a remote backend that fell back) go to `warnings`.
    func sounds(
        for plan: FootstepPlan, shoe: ShoeKind, backend: any SoundBackend, timings: inout StageTimings,
        warnings: inout [String]
    ) async throws -> [FootstepSound] {
        let requests = try plan.soundRequests(shoe: shoe)
        progress.update(stage: "sound", fraction: 0)
        let batch = try await timings.measure("sound", items: { $0.sounds.count }) {
            try await backend.soundBatch(for: requests)
        }
        let sounds = batch.sounds
        warnings += batch.warnings
        progress.update(stage: "sound", fraction: 1)
        guard sounds.count == requests.count else {
            throw FootfallError.failure(
                "backend '\(backend.name)' returned \(sounds.count) sounds for \(requests.count) steps")
        }
        return sounds
    }
}
