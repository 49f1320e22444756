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
        progress.update(stage: "probe", fraction: 0)
        let info = try await timings.measure("probe") { try MediaProbe.probe(request.video) }
        progress.update(stage: "probe", fraction: 1)
        let baseName = URL(fileURLWithPath: request.video).deletingPathExtension().lastPathComponent
        let outputOptions = RenderOutputOptions(
            force: request.force, originalAudio: OriginalAudio(rawValue: config.keepOriginalAudio) ?? .drop)
        try RenderOutputs.preflight(
            folder: request.outputDirectory, baseName: baseName, sourceVideo: request.video, options: outputOptions)
        let shoe = try ShoeKind.parse(config.shoe)
        let (backend, fallbackWarning) = try makeBackend(for: request)
        if let fallbackWarning { warnings.append(fallbackWarning) }
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
        document.render = .init(backend: backend.name, seed: config.seed, shoe: shoe.rawValue, scene: surfaces.scene)

        let workspace = try mixWorkspace(for: request)
        let bank = try SoundBank(in: workspace)
        try await sounds(
            for: plan, shoe: shoe, backend: backend, into: bank, timings: &timings, warnings: &warnings)
        progress.update(stage: "mix", fraction: 0)
        let settings = MixSettings(
            dry: config.dry, loudness: .custom(lufs: config.loudness), truePeakCeiling: config.truePeak)
        let mixed = try await timings.measure("mix") {
            try Mixer(settings: settings).render(plan: plan, bank: bank, workspace: workspace)
        }
        progress.update(stage: "mix", fraction: 1)

        let credits = recordingCredits(of: backend)
        progress.update(stage: "export", fraction: 0)
        let written = try await timings.measure("export") {
            try RenderOutputs.write(
                RenderOutputRequest(
                    folder: request.outputDirectory, baseName: baseName, mix: mixed.mix, stems: mixed.stems,
                    document: document, sourceVideo: request.video, options: outputOptions,
                    credits: credits?.text(for: baseName)))
        }
        progress.update(stage: "export", fraction: 1)
        var outputs = written.all
        if let overlay = request.overlay {
            progress.update(stage: "overlay", fraction: 0)
            try await timings.measure("overlay") {
                try writeOverlay(
                    to: overlay, info: info, poseFrames: analysis.poseFrames, document: document, audio: mixed.mix)
            }
            progress.update(stage: "overlay", fraction: 1)
            outputs.append(overlay)
        }
        if let report = request.report {
            try writeReport(
                to: report, info: info, analysis: analysis, surfaces: surfaces, document: document, mixed: mixed,
                timings: timings, warnings: warnings,
                credits: credits.map { Self.reportCredits($0, file: written.credits) })
            outputs.append(report)
        }
        var result = RenderResult(
            video: info, outputs: outputs, document: document, timings: timings, warnings: warnings,
            loudness: mixed.report.integratedLoudness, truePeak: mixed.report.truePeak)
        result.licenceConditions = credits?.conditions
        result.credits = written.credits
        return result
    }
}
