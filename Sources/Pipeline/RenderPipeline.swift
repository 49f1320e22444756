import Export
import FootfallCore
import Foundation
import Logging
import MediaIO
import Mix
import Sound

/// Runs the stages for one video: probe → pose → steps → surface → plan → sound → mix → export.
/// Each stage is timed; progress goes to the sink; every file is written atomically by the export stage.
public struct RenderPipeline: Sendable {
    public let progress: any ProgressSink
    let logger = Logger(label: "footfall.render")

    public init(progress: any ProgressSink = NoProgress()) {
        self.progress = progress
    }

    public func render(_ request: RenderRequest) async throws -> RenderResult {
        var timings = StageTimings()
        var warnings: [String] = []
        let config = request.config
        let setup = try await setUp(request, timings: &timings, warnings: &warnings)
        let info = setup.info
        progress.update(stage: "probe", fraction: 1)
        logger.info(
            "rendering \(URL(fileURLWithPath: request.video).lastPathComponent) (\(info.width)×\(info.height), \(String(format: "%.1f", info.duration)) s) into \(request.outputDirectory)/"
        )

        var analysis = try await steps(for: request, info: info, timings: &timings)
        warnings += analysis.warnings
        let surfaces = try await surfaces(for: &analysis, request: request, info: info, timings: &timings)
        warnings += surfaces.warnings

        let plan = PlanBuilder(
            options: PlanOptions(stereoWidth: config.width, defaultSurface: config.defaultSurface)
        ).build(
            steps: analysis.document.steps, video: info, surfaces: surfaces.segments, seed: config.seed,
            scene: surfaces.scene)
        var document = analysis.document
        document.steps = plan.steps.map(\.step)
        document.surfaces = surfaces.segments
        document.render = .init(
            backend: setup.backend.name, seed: config.seed, shoe: setup.shoe.rawValue, scene: surfaces.scene)

        let delivery = try await deliver(
            plan: plan, sounds: try Self.soundRequests(for: plan, shoe: setup.shoe, shoes: [:]), document: document,
            setup: setup, config: config, outputDirectory: request.outputDirectory, picture: request.video,
            timings: &timings, warnings: &warnings)
        var extra: [String] = []
        if let overlay = request.overlay {
            progress.update(stage: "overlay", fraction: 0)
            try await timings.measure("overlay") {
                try writeOverlay(
                    to: overlay, info: info, poseFrames: analysis.poseFrames, document: document,
                    audio: delivery.mixed.mix)
            }
            progress.update(stage: "overlay", fraction: 1)
            extra.append(overlay)
        }
        if let report = request.report {
            try writeReport(
                to: report, info: info, analysis: analysis, surfaces: surfaces, document: document,
                mixed: delivery.mixed, timings: timings, warnings: warnings,
                credits: delivery.credits.map { Self.reportCredits($0, file: delivery.written.credits) })
            extra.append(report)
        }
        return result(delivery, info: info, document: document, timings: timings, warnings: warnings, extra: extra)
    }
}
