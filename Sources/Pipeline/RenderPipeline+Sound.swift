import FootfallCore
import Foundation
import Mix
import Sound

extension RenderPipeline {
    /// The configured backend, checked before any heavy work (a typo in its name should cost a second, not a
    /// pose pass); the default recorded backend without its recordings is the procedural one, with a warning.
    func makeBackend(for request: RenderRequest) throws -> (backend: any SoundBackend, warning: String?) {
        var config = request.config
        if request.noFallback { config.backendOptions["no_fallback"] = "true" }
        let backendConfig = BackendConfig(
            config, environment: request.environment ?? DotEnv.environment(), logger: logger)
        return try SoundBackendRegistry.resolve(config.backend, config: backendConfig)
    }

    /// One sound per request (per planned step), asked for in batches in time order and spooled into `bank` as they
    /// come; the backend's warnings (e.g. a remote backend that fell back) go to `warnings`, each said once.
    func sounds(
        for requests: [SoundRequest], backend: any SoundBackend, into bank: SoundBank, timings: inout StageTimings,
        warnings: inout [String]
    ) async throws {
        let size = max(1, backend.preferredBatchSize)
        progress.update(stage: "sound", fraction: 0)
        var said = Set(warnings)
        var heard: [String] = []
        try await timings.measure("sound", items: { requests.count }) {
            var start = 0
            while start < requests.count {
                let end = start + min(size, requests.count - start)
                let batch = try await backend.soundBatch(for: Array(requests[start..<end]))
                guard batch.sounds.count == end - start else {
                    throw FootfallError.failure(
                        "backend '\(backend.name)' returned \(batch.sounds.count) sounds for \(end - start) steps; "
                            + "try again, or use another backend with --backend")
                }
                try bank.append(contentsOf: batch.sounds)
                for warning in batch.warnings where said.insert(warning).inserted { heard.append(warning) }
                start = end
                progress.update(stage: "sound", fraction: Double(start) / Double(requests.count))
            }
        }
        warnings += heard
        progress.update(stage: "sound", fraction: 1)
    }

    /// The mixer's work folder: in the output folder (or the nearest folder above it that exists yet), on the
    /// same disk as the outputs and never in a RAM-backed /tmp.
    func mixWorkspace(in outputDirectory: String) throws -> MixWorkspace {
        var folder = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        while !FileManager.default.fileExists(atPath: folder.path), folder.pathComponents.count > 1 {
            folder.deleteLastPathComponent()
        }
        return try MixWorkspace(in: folder.path)
    }
}
