import Export
import FootfallCore
import Foundation
import MediaIO
import Mix
import Sound

/// What every render settles before its first heavy stage.
struct RenderSetup {
    var info: VideoInfo
    /// The outputs' file name stem: the video's name without extension.
    var baseName: String
    var outputOptions: RenderOutputOptions
    var shoe: ShoeKind
    var backend: any SoundBackend
}

/// What the back half of a render made: the mix and the files written from it.
struct Delivery {
    var mixed: Mixer.Output
    var written: RenderedFiles
    var credits: RecordingCredits?
}

extension RenderPipeline {
    /// Probes the video, checks the outputs (existing ones, the input) and resolves the shoe and the backend: a
    /// mistake in any of them costs a second, not a pose pass.
    func setUp(_ request: RenderRequest, timings: inout StageTimings, warnings: inout [String]) async throws
        -> RenderSetup
    {
        let config = request.config
        progress.update(stage: "probe", fraction: 0)
        let info = try await timings.measure("probe") { try MediaProbe.probe(request.video) }
        let baseName = URL(fileURLWithPath: request.video).deletingPathExtension().lastPathComponent
        var outputOptions = RenderOutputOptions(
            force: request.force, originalAudio: OriginalAudio(rawValue: config.keepOriginalAudio) ?? .drop)
        outputOptions.deferStems = request.deferStems
        try RenderOutputs.preflight(
            folder: request.outputDirectory, baseName: baseName, sourceVideo: request.video, options: outputOptions)
        let shoe = try ShoeKind.parse(config.shoe)
        let (backend, fallbackWarning) = try makeBackend(for: request)
        if let fallbackWarning { warnings.append(fallbackWarning) }
        return RenderSetup(info: info, baseName: baseName, outputOptions: outputOptions, shoe: shoe, backend: backend)
    }

    /// The back half every render shares, once the steps are planned: one sound per step, the mix, and every output
    /// file (the picture copied from `picture`).
    func deliver(
        plan: FootstepPlan, sounds requests: [SoundRequest], document: StepsDocument, setup: RenderSetup,
        config: FootfallConfig, outputDirectory: String, picture: String, timings: inout StageTimings,
        warnings: inout [String]
    ) async throws -> Delivery {
        let workspace = try mixWorkspace(in: outputDirectory)
        let bank = try SoundBank(in: workspace)
        try await sounds(for: requests, backend: setup.backend, into: bank, timings: &timings, warnings: &warnings)
        progress.update(stage: "mix", fraction: 0)
        let settings = MixSettings(
            dry: config.dry, loudness: .custom(lufs: config.loudness), truePeakCeiling: config.truePeak)
        let mixed = try await timings.measure("mix") {
            try Mixer(settings: settings).render(plan: plan, bank: bank, workspace: workspace)
        }
        progress.update(stage: "mix", fraction: 1)

        let credits = recordingCredits(of: setup.backend)
        progress.update(stage: "export", fraction: 0)
        let written = try await timings.measure("export") {
            try RenderOutputs.write(
                RenderOutputRequest(
                    folder: outputDirectory, baseName: setup.baseName, mix: mixed.mix, stems: mixed.stems,
                    document: document, sourceVideo: picture, options: setup.outputOptions,
                    credits: credits?.text(for: setup.baseName)))
        }
        progress.update(stage: "export", fraction: 1)
        return Delivery(mixed: mixed, written: written, credits: credits)
    }

    /// The render's result, with `extra` files (overlay, report) after the delivered ones.
    func result(
        _ delivery: Delivery, info: VideoInfo, document: StepsDocument, timings: StageTimings, warnings: [String],
        extra: [String] = []
    ) -> RenderResult {
        var result = RenderResult(
            video: info, outputs: delivery.written.all + extra, document: document, timings: timings,
            warnings: warnings, loudness: delivery.mixed.report.integratedLoudness,
            truePeak: delivery.mixed.report.truePeak)
        result.licenceConditions = delivery.credits?.conditions
        result.credits = delivery.written.credits
        result.deferredStems = delivery.written.deferredStems
        return result
    }
}
