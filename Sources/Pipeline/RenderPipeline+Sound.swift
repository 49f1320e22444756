import FootfallCore
import Foundation
import Mix
import Sound

extension RenderPipeline {
    /// One sound per planned step from the configured backend.
    func sounds(
        for plan: FootstepPlan, shoe: ShoeKind, request: RenderRequest, timings: inout StageTimings,
        warnings: inout [String]
    ) async throws -> [FootstepSound] {
        let config = request.config
        var options = config.backendOptions
        if request.noFallback { options["no_fallback"] = "true" }
        let backendConfig = BackendConfig(
            environment: DotEnv.environment(), samplesDirectory: config.samplesDir, shoe: shoe, seed: config.seed,
            options: options, logger: logger)
        let backend = try SoundBackendRegistry.make(config.backend, config: backendConfig)
        if case .unavailable(let reason) = backend.availability() {
            throw FootfallError.usage("backend '\(backend.name)' cannot run: \(reason)")
        }
        let requests = try plan.soundRequests(shoe: shoe)
        progress.update(stage: "sound", fraction: 0)
        let sounds = try await timings.measure("sound", items: { $0.count }) { try await backend.sounds(for: requests) }
        progress.update(stage: "sound", fraction: 1)
        guard sounds.count == requests.count else {
            throw FootfallError.failure(
                "backend '\(backend.name)' returned \(sounds.count) sounds for \(requests.count) steps")
        }
        return sounds
    }
}
