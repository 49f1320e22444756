import FootfallCore
import Foundation
import MediaIO
import Report
import Surface

/// The surface stage's result for the plan and the report.
struct SurfaceResult: Sendable {
    var segments: [SurfaceSegment]
    var scene: SceneKind
    var warnings: [String]
    /// For the report: frames with skeletons, and the ground patches looked at.
    var keyFrames: [ReportData.Picture] = []
    var contactSheet: ReportData.Picture?
}

extension RenderPipeline {
    /// Surfaces per step: a forced surface, or detection over the ground where feet land (a second, streaming pass
    /// over the frames), with the steps JSON's overrides applied. Fills each step's `surface`. The same pass picks
    /// the report's key frames.
    func surfaces(
        for analysis: inout StepAnalysis, request: RenderRequest, info: VideoInfo, timings: inout StageTimings
    ) async throws -> SurfaceResult {
        let config = request.config
        let fallback = try SurfaceKind.parse(config.defaultSurface)
        let overrides = try SurfaceAssignment.overrides(from: analysis.document)
        let steps = analysis.document.steps
        let forced = try config.surface.map { try SurfaceAssignment.wholeClip($0, duration: info.duration) }
        let detect = forced == nil && !steps.isEmpty
        var keyFrames =
            request.report == nil
            ? nil : KeyFrameCollector(poseFrames: analysis.poseFrames, frameCount: info.frameCount)
        guard detect || keyFrames != nil else {
            return finishWithoutDetection(
                &analysis, forced: forced, overrides: overrides, fallback: fallback, keyFrames: [])
        }
        progress.update(stage: "surface", fraction: 0)
        let sink = progress
        let path = request.video
        let (report, pictures) = try await timings.measure("surface") {
            var analyzer = detect ? SurfaceAnalyzer(steps: steps, prototypes: try SurfacePrototypes.bundled()) : nil
            let decoder = try VideoDecoder(path: path)
            let total = max(info.frameCount, 1)
            while let frame = try decoder.nextFrame() {
                analyzer?.consume(frame: frame)
                keyFrames?.consume(frame)
                if frame.index % 25 == 0 {
                    sink.update(stage: "surface", fraction: Double(frame.index) / Double(total))
                }
                try Task.checkCancellation()
            }
            let report = try analyzer?.finish(duration: info.duration, overrides: overrides, defaultSurface: fallback)
            return (report, keyFrames?.pictures ?? [])
        }
        progress.update(stage: "surface", fraction: 1)
        guard let report else {
            return finishWithoutDetection(
                &analysis, forced: forced, overrides: overrides, fallback: fallback, keyFrames: pictures)
        }
        analysis.document.steps = report.steps
        var result = SurfaceResult(
            segments: report.segments, scene: report.scene.scene, warnings: WarningDigest.condense(report.warnings),
            keyFrames: pictures)
        if request.report != nil {
            let sheet = ContactSheet.render(report.patches)
            let frame = RGBFrame(index: 0, time: 0, width: sheet.width, height: sheet.height, pixels: sheet.pixels)
            if let png = try? PNGWriter.encode(frame) {
                result.contactSheet = .init(caption: "Ground patches the surface stage looked at", png: Data(png))
            }
        }
        return result
    }

    private func finishWithoutDetection(
        _ analysis: inout StepAnalysis, forced: SurfaceSegment?, overrides: [SurfaceSegment], fallback: SurfaceKind,
        keyFrames: [ReportData.Picture]
    ) -> SurfaceResult {
        let segments = forced.map { [$0] } ?? overrides
        analysis.document.steps = SurfaceAssignment.assign(
            analysis.document.steps, segments: segments, fallback: fallback)
        return SurfaceResult(
            segments: segments, scene: analysis.document.render?.scene ?? .unknown, warnings: [], keyFrames: keyFrames)
    }
}
