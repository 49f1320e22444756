import Export
import FootfallCore
import Foundation
import MediaIO
import Mix
import Sound

extension RenderPipeline {
    /// Renders steps someone placed by hand: the pose, step and surface passes over the video are skipped (each step
    /// already has its time and surface), so only planning, sounds, mix and export run — a second or two for a
    /// minute of video instead of minutes.
    public func render(placed request: PlacedStepsRequest) async throws -> RenderResult {
        var timings = StageTimings()
        var warnings: [String] = []
        let config = request.config
        progress.update(stage: "probe", fraction: 0)
        let info = try await timings.measure("probe") { try MediaProbe.probe(request.video) }
        let baseName = URL(fileURLWithPath: request.video).deletingPathExtension().lastPathComponent
        let outputOptions = RenderOutputOptions(
            force: request.force, originalAudio: OriginalAudio(rawValue: config.keepOriginalAudio) ?? .drop)
        try RenderOutputs.preflight(
            folder: request.outputDirectory, baseName: baseName, sourceVideo: request.video, options: outputOptions)
        let shoe = try ShoeKind.parse(config.shoe)
        let shoes = try request.shoes.mapValues { try ShoeKind.parse($0) }
        var backendRequest = RenderRequest(
            video: request.video, outputDirectory: request.outputDirectory, config: config)
        backendRequest.environment = request.environment
        let (backend, fallbackWarning) = try makeBackend(for: backendRequest)
        if let fallbackWarning { warnings.append(fallbackWarning) }
        if let last = request.document.steps.map(\.time).max(), last > info.duration + 0.5 {
            throw FootfallError.badInput(
                "a step is at \(String(format: "%.2f", last)) s but the video is \(String(format: "%.2f", info.duration)) s long"
            )
        }
        progress.update(stage: "probe", fraction: 1)

        let scene = request.document.render?.scene ?? .unknown
        let plan = PlanBuilder(
            options: PlanOptions(stereoWidth: config.width, defaultSurface: config.defaultSurface)
        ).build(
            steps: request.document.steps, video: info, surfaces: request.document.surfaces ?? [], seed: config.seed,
            scene: scene)
        var document = request.document
        document.video = .init(info)
        document.steps = plan.steps.map(\.step)
        document.render = .init(backend: backend.name, seed: config.seed, shoe: shoe.rawValue, scene: scene)

        let requests = try Self.soundRequests(for: plan, shoe: shoe, shoes: shoes)
        let workspace = try mixWorkspace(for: backendRequest)
        let bank = try SoundBank(in: workspace)
        try await sounds(for: requests, backend: backend, into: bank, timings: &timings, warnings: &warnings)
        progress.update(stage: "mix", fraction: 0)
        let settings = MixSettings(
            dry: config.dry, loudness: .custom(lufs: config.loudness), truePeakCeiling: config.truePeak)
        let mixed = try await timings.measure("mix") {
            try Mixer(settings: settings).render(plan: plan, bank: bank, workspace: workspace)
        }
        progress.update(stage: "mix", fraction: 1)

        let credits = recordingCredits(of: backend)
        // The picture may come from an earlier render only when the upload's own sound is not wanted in the MP4.
        let picture = outputOptions.originalAudio == .drop ? request.pictureSource ?? request.video : request.video
        progress.update(stage: "export", fraction: 0)
        let written = try await timings.measure("export") {
            try RenderOutputs.write(
                RenderOutputRequest(
                    folder: request.outputDirectory, baseName: baseName, mix: mixed.mix, stems: mixed.stems,
                    document: document, sourceVideo: picture, options: outputOptions,
                    credits: credits?.text(for: baseName)))
        }
        progress.update(stage: "export", fraction: 1)
        var result = RenderResult(
            video: info, outputs: written.all, document: document, timings: timings, warnings: warnings,
            loudness: mixed.report.integratedLoudness, truePeak: mixed.report.truePeak)
        result.licenceConditions = credits?.conditions
        result.credits = written.credits
        return result
    }

    /// One request per planned step, each walker in its own shoe (`shoe` for the others).
    static func soundRequests(for plan: FootstepPlan, shoe: ShoeKind, shoes: [Int: ShoeKind]) throws -> [SoundRequest] {
        var requests = try plan.soundRequests(shoe: shoe)
        for (index, planned) in plan.steps.enumerated() {
            if let own = shoes[planned.step.walker] { requests[index].shoe = own }
        }
        return requests
    }
}
