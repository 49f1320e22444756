import FootfallCore
import Foundation
import Pipeline
import Sound

/// The real renderer: the whole Footfall pipeline, as `footfall render` runs it.
public struct PipelineJobRenderer: JobRenderer {
    public init() {}

    public var backendNames: [String] { SoundBackendRegistry.names }

    public func backendChoices(config: FootfallConfig) -> [BackendChoice] {
        let backendConfig = BackendConfig(config, environment: DotEnv.environment())
        return SoundBackendRegistry.listing(config: backendConfig).map { listing in
            switch listing.availability {
            case .ready: return BackendChoice(name: listing.name)
            case .unavailable(let reason): return BackendChoice(name: listing.name, unavailableReason: reason)
            }
        }
    }

    public func render(_ request: JobRenderRequest, progress: @escaping JobProgressHandler) async throws
        -> JobRenderOutput
    {
        let pipeline = RenderPipeline(progress: ProgressForwarder(handler: progress))
        let result = try await pipeline.render(
            RenderRequest(
                video: request.video, outputDirectory: request.outputDirectory, config: request.config,
                stepsFile: request.stepsFile,
                force: true))
        return JobRenderOutput(
            outputs: result.outputs, document: result.document, warnings: result.warnings,
            timings: result.timings.entries.map { StageSeconds(stage: $0.stage, seconds: $0.seconds) })
    }
}
