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
        let shoes = try request.shoes.mapValues { try ShoeKind.parse($0) }
        var setupRequest = RenderRequest(
            video: request.video, outputDirectory: request.outputDirectory, config: config, force: request.force)
        setupRequest.environment = request.environment
        setupRequest.deferStems = request.deferStems
        let setup = try await setUp(setupRequest, timings: &timings, warnings: &warnings)
        let info = setup.info
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
        document.render = .init(
            backend: setup.backend.name, seed: config.seed, shoe: setup.shoe.rawValue, scene: scene)

        // The picture may come from an earlier render only when the upload's own sound is not wanted in the MP4.
        let picture =
            setup.outputOptions.originalAudio == .drop ? request.pictureSource ?? request.video : request.video
        let delivery = try await deliver(
            plan: plan, sounds: try Self.soundRequests(for: plan, shoe: setup.shoe, shoes: shoes),
            document: document, setup: setup, config: config, outputDirectory: request.outputDirectory,
            picture: picture, timings: &timings, warnings: &warnings)
        return result(delivery, info: info, document: document, timings: timings, warnings: warnings)
    }

    /// One request per planned step, in the step's own shoe (a steps CSV's `shoe` column), else its walker's
    /// (`shoes`), else `shoe`.
    static func soundRequests(for plan: FootstepPlan, shoe: ShoeKind, shoes: [Int: ShoeKind]) throws -> [SoundRequest] {
        var requests = try plan.soundRequests(shoe: shoe)
        for (index, planned) in plan.steps.enumerated() {
            if let own = try planned.step.shoe.map({ try ShoeKind.parse($0) }) ?? shoes[planned.step.walker] {
                requests[index].shoe = own
            }
        }
        return requests
    }
}
