import FootfallCore
import Foundation

extension RunPodBackend {
    /// Registry entry. Settings come from `BackendConfig.environment` over `.env` in the working directory, then the
    /// command line's backend options (`prompt_template=…`, `steps=…`, `no_fallback=true`); the cache goes in
    /// `<cacheDirectory>/runpod` when the render gives one. Failures fall back to the procedural backend.
    public static let factory = SoundBackendFactory(
        name: "runpod",
        summary: "Stable Audio footsteps from a RunPod serverless endpoint (needs RUNPOD_API_KEY, RUNPOD_ENDPOINT_ID);"
            + " cached; falls back to procedural"
    ) { backendConfig in
        var options = backendConfig.options
        let noFallback = ["no_fallback", "no-fallback"].compactMap { options.removeValue(forKey: $0) }.first
        var config = RunPodConfig.load(settings: DotEnv.environment(base: backendConfig.environment), options: options)
        if let dir = backendConfig.cacheDirectory, !dir.isEmpty {
            config.cacheDirectory = URL(fileURLWithPath: dir).appendingPathComponent("runpod")
        }
        if let noFallback { config.noFallback = ["1", "true", "yes"].contains(noFallback.lowercased()) }
        return RunPodBackend(config: config, fallback: ProceduralBackend(), logger: backendConfig.logger)
    }
}
