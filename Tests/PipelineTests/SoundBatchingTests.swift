import FootfallCore
import Foundation
import Mix
import Sound
import Testing

@testable import Pipeline

/// Records the batches it is asked for; mock sounds, and one warning repeated in every batch.
private final class BatchRecordingBackend: SoundBackend, @unchecked Sendable {
    let name = "recording"
    let summary = "test backend"
    let preferredBatchSize: Int
    private let lock = NSLock()
    private var sizes: [Int] = []
    private var firstTimes: [Double] = []

    init(batchSize: Int) { preferredBatchSize = batchSize }

    var batches: [Int] { lock.withLock { sizes } }

    func availability() -> BackendAvailability { .ready }

    func sounds(for requests: [SoundRequest]) async throws -> [FootstepSound] {
        lock.withLock { sizes.append(requests.count) }
        return requests.map(MockBackend.sound(for:))
    }

    func soundBatch(for requests: [SoundRequest]) async throws -> SoundBatch {
        SoundBatch(sounds: try await sounds(for: requests), warnings: ["the stand-in was used"])
    }
}

private func walkingPlan(steps: Int) -> FootstepPlan {
    let events = (0..<steps).map { i in
        StepEvent(
            time: 0.2 + Double(i) * 0.27, frame: i * 8, walker: i % 3, foot: i % 2 == 0 ? .left : .right,
            confidence: 0.9, position: Point2D(x: Double(100 + 37 * (i % 11)), y: 300), walkerHeight: 180)
    }
    return PlanBuilder().build(
        steps: events, frameWidth: 640, duration: 0.5 + Double(steps) * 0.27, seed: 3, scene: .outdoor)
}

private func mixed(_ plan: FootstepPlan, backend: BatchRecordingBackend) async throws -> (AudioBuffer, [String]) {
    let workspace = try MixWorkspace()
    let bank = try SoundBank(in: workspace)
    var timings = StageTimings()
    var warnings: [String] = []
    try await RenderPipeline().sounds(
        for: try plan.soundRequests(shoe: .sneaker), backend: backend, into: bank, timings: &timings,
        warnings: &warnings)
    let out = try Mixer().render(plan: plan, bank: bank, workspace: workspace)
    return (try out.mix.loadAll(), warnings)
}

@Test func soundsAreAskedForInBatchesAndTheMixDoesNotDependOnThem() async throws {
    let plan = walkingPlan(steps: 40)
    let small = BatchRecordingBackend(batchSize: 7)
    let whole = BatchRecordingBackend(batchSize: .max)
    let (a, warningsA) = try await mixed(plan, backend: small)
    let (b, _) = try await mixed(plan, backend: whole)
    #expect(small.batches == [7, 7, 7, 7, 7, 5])
    #expect(whole.batches == [40])
    #expect(a == b, "the same plan must mix to the same samples whatever the batch size")
    #expect(warningsA == ["the stand-in was used"], "a backend's warning is said once, not once per batch")
}

@Test func localBackendsAskInSmallBatchesAndRunPodAsksOnce() throws {
    #expect(ProceduralBackend().preferredBatchSize == 256)
    let config = BackendConfig(FootfallConfig(), environment: ["RUNPOD_API_KEY": "k", "RUNPOD_ENDPOINT_ID": "e"])
    let runpod = try SoundBackendRegistry.make("runpod", config: config)
    #expect(runpod.preferredBatchSize == .max)
}
