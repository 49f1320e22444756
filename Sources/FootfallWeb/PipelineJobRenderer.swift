import FootfallCore
import Foundation
import Pipeline
import Sound

/// The real renderer: the whole Footfall pipeline, as `footfall render` runs it.
public struct PipelineJobRenderer: JobRenderer {
    /// Environment for the sound backends (API keys, endpoints); nil: the process environment over `./.env`.
    public var environment: [String: String]?

    public init(environment: [String: String]? = nil) {
        self.environment = environment
    }

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
        let result: RenderResult
        if let placed = request.placedSteps {
            var placedRequest = PlacedStepsRequest(
                video: request.video, pictureSource: request.pictureSource, outputDirectory: request.outputDirectory,
                config: request.config, document: placed, shoes: request.shoes, force: true, environment: environment)
            // The job is done when its video and sound track are; the stems follow (most of a re-render's time).
            placedRequest.deferStems = true
            result = try await pipeline.render(placed: placedRequest)
        } else {
            result = try await fullRender(request, pipeline: pipeline)
        }
        return JobRenderOutput(
            outputs: result.outputs, document: result.document, warnings: result.warnings,
            timings: result.timings.entries.map { StageSeconds(stage: $0.stage, seconds: $0.seconds) },
            licence: result.licenceConditions.map {
                JobLicence(
                    conditions: $0, creditsFile: result.credits.map { URL(fileURLWithPath: $0).lastPathComponent })
            },
            deferredStems: result.deferredStems)
    }

    private func fullRender(_ request: JobRenderRequest, pipeline: RenderPipeline) async throws -> RenderResult {
        var renderRequest = RenderRequest(
            video: request.video, outputDirectory: request.outputDirectory, config: request.config,
            stepsFile: request.stepsFile, force: true)
        renderRequest.environment = environment
        renderRequest.deferStems = true
        return try await pipeline.render(renderRequest)
    }
}
