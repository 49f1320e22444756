import FootfallCore
import Foundation
import Sound

/// The real renderer: the whole Footfall pipeline, as `footfall render` runs it.
///
/// The `Pipeline` module's `RenderPipeline` is not on main yet; until it is, every render fails with a message
/// saying so (uploads, probing, jobs and pages work).
public struct PipelineJobRenderer: JobRenderer {
    public init() {}

    public var backendNames: [String] { SoundBackendRegistry.names }

    public func render(_ request: JobRenderRequest, progress: @escaping JobProgressHandler) async throws
        -> JobRenderOutput
    {
        throw FootfallError.failure("this build of footfall has no render pipeline yet; update footfall and retry")
    }
}
