import FootfallCore
import Foundation
import MediaIO
import Surface

/// The surface stage's result for the plan and the report.
struct SurfaceResult: Sendable {
    var segments: [SurfaceSegment]
    var scene: SceneKind
    var warnings: [String]
}

extension RenderPipeline {
    /// Surfaces per step: a forced surface, or detection over the ground where feet land (a second, streaming pass
    /// over the frames), with the steps JSON's overrides applied. Fills each step's `surface`.
    func surfaces(
        for analysis: inout StepAnalysis, request: RenderRequest, info: VideoInfo, timings: inout StageTimings
    ) async throws -> SurfaceResult {
        let config = request.config
        let fallback = try SurfaceKind.parse(config.defaultSurface)
        let overrides = try SurfaceAssignment.overrides(from: analysis.document)
        if let forced = config.surface {
            let segment = try SurfaceAssignment.wholeClip(forced, duration: info.duration)
            analysis.document.steps = SurfaceAssignment.assign(
                analysis.document.steps, segments: [segment], fallback: fallback)
            return SurfaceResult(segments: [segment], scene: analysis.document.render?.scene ?? .unknown, warnings: [])
        }
        let steps = analysis.document.steps
        guard !steps.isEmpty else {
            return SurfaceResult(segments: overrides, scene: .unknown, warnings: [])
        }
        progress.update(stage: "surface", fraction: 0)
        let sink = progress
        let path = request.video
        let report = try await timings.measure("surface") {
            var analyzer = SurfaceAnalyzer(steps: steps, prototypes: try SurfacePrototypes.bundled())
            let decoder = try VideoDecoder(path: path)
            let total = max(info.frameCount, 1)
            while let frame = try decoder.nextFrame() {
                analyzer.consume(frame: frame)
                if frame.index % 25 == 0 {
                    sink.update(stage: "surface", fraction: Double(frame.index) / Double(total))
                }
                try Task.checkCancellation()
            }
            return try analyzer.finish(duration: info.duration, overrides: overrides, defaultSurface: fallback)
        }
        progress.update(stage: "surface", fraction: 1)
        analysis.document.steps = report.steps
        return SurfaceResult(segments: report.segments, scene: report.scene.scene, warnings: report.warnings)
    }
}
