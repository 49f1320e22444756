import FootfallCore
import Testing

@testable import Mix

private func video(width: Int = 1000, duration: Double = 10) -> VideoInfo {
    VideoInfo(
        path: "/tmp/in.mp4", container: "mp4", videoCodec: "h264", codedWidth: width, codedHeight: 500, rotation: 0,
        frameRate: 30, isVariableFrameRate: false, duration: duration, frameCount: 300, audioStreams: [])
}

private func step(_ t: Double, walker: Int = 0, x: Double? = nil, height: Double? = nil) -> StepEvent {
    StepEvent(
        time: t, frame: Int(t * 30), walker: walker, foot: .left, confidence: 1,
        position: x.map { Point2D(x: $0, y: 400) }, walkerHeight: height)
}

@Test func distanceAttenuationIsMonotonic() {
    let heights: [Double] = [400, 320, 250, 200, 120, 80, 50, 20]
    let steps = heights.enumerated().map { i, h in step(Double(i) * 0.5, walker: i, height: h) }
    let plan = PlanBuilder().build(steps: steps, video: video(), seed: 1, scene: .outdoor)
    let gains = plan.steps.map(\.gain)
    #expect(gains.first == 1)
    #expect(plan.steps.first?.step.gainDB == 0)
    for (a, b) in zip(gains, gains.dropFirst()) { #expect(b <= a) }
    for (a, b) in zip(gains.prefix(6), gains.dropFirst().prefix(6)) { #expect(b < a) }
    // OpenAL inverse distance with rolloff 1: half the height, twice the distance, half the gain.
    #expect(abs(plan.steps[3].gain - 0.5) < 1e-12)
    // Clamped at maxDistance (8): a walker 20 px tall is no quieter than one 50 px tall.
    #expect(abs(plan.steps[7].gain - 1.0 / 8) < 1e-12)
    let damping = plan.steps.map(\.distanceDamping)
    #expect(damping.first == 0)
    for (a, b) in zip(damping, damping.dropFirst()) { #expect(b >= a) }
    #expect(damping.last == 1)
    #expect(SpatialLaw.cutoff(damping: 0) == nil)
    #expect(SpatialLaw.cutoff(damping: 1)! < SpatialLaw.cutoff(damping: 0.5)!)
}

@Test func rolloffAndReferenceFollowOpenAL() {
    let options = PlanOptions(referenceDistance: 2, rolloff: 0.5, maxDistance: 100)
    #expect(SpatialLaw.distanceGain(distance: 1, options: options) == 1)
    #expect(abs(SpatialLaw.distanceGain(distance: 10, options: options) - 2.0 / (2 + 0.5 * 8)) < 1e-12)
    #expect(abs(SpatialLaw.distance(forGain: 2.0 / 6, options: options) - 10) < 1e-9)
}

@Test func panFollowsFootPositionAndWidth() {
    let steps = [step(0.1, x: 0), step(0.2, x: 500), step(0.3, x: 1000), step(0.4, x: 750), step(0.5)]
    let full = PlanBuilder().build(steps: steps, video: video(), seed: 1, scene: .outdoor)
    #expect(full.steps.map(\.pan) == [-1, 0, 1, 0.5, 0])
    #expect(full.steps.map(\.step.pan) == [-1, 0, 1, 0.5, 0])
    let narrow = PlanBuilder(options: .init(stereoWidth: 0.5)).build(
        steps: steps, video: video(), seed: 1, scene: .outdoor)
    #expect(narrow.steps.map(\.pan) == [-0.5, 0, 0.5, 0.25, 0])
    let mono = PlanBuilder(options: .init(stereoWidth: 0)).build(steps: steps, video: video(), seed: 1, scene: .outdoor)
    #expect(mono.steps.allSatisfy { $0.pan == 0 })
}

@Test func recordedMixDecisionsAreKept() {
    var edited = step(0.1, x: 0, height: 100)
    edited.pan = 0.25
    edited.gainDB = -6
    let plan = PlanBuilder().build(steps: [edited, step(0.2, height: 400)], video: video(), seed: 1, scene: .indoor)
    #expect(plan.steps[0].pan == 0.25)
    #expect(abs(plan.steps[0].gain - SpatialLaw.linear(-6)) < 1e-12)
    #expect(plan.steps[0].step.gainDB == -6)
    let ignoring = PlanBuilder(options: .init(keepRecordedMix: false)).build(
        steps: [edited, step(0.2, height: 400)], video: video(), seed: 1, scene: .indoor)
    #expect(ignoring.steps[0].pan == -1)
    #expect(abs(ignoring.steps[0].gain - 0.25) < 1e-12)
}

@Test func seedsAreDeterministicPerStepAndSurfacesResolve() {
    let steps = [step(0.3, walker: 1), step(0.1), step(0.2)]
    var toeOff = step(0.25)
    toeOff.kind = .toeOff
    let segments = [
        SurfaceSegment(walker: nil, start: 0, end: 10, surface: "gravel", confidence: 0.8, source: .detected),
        SurfaceSegment(walker: 1, start: 0.25, end: 10, surface: "wood", confidence: 0.9, source: .detected),
    ]
    let a = PlanBuilder().build(steps: steps + [toeOff], video: video(), surfaces: segments, seed: 42, scene: .outdoor)
    let b = PlanBuilder().build(steps: steps.reversed(), video: video(), surfaces: segments, seed: 42, scene: .outdoor)
    let c = PlanBuilder().build(steps: steps, video: video(), surfaces: segments, seed: 43, scene: .outdoor)
    #expect(a.steps.count == 3)
    #expect(a.steps.map(\.step.time) == [0.1, 0.2, 0.3])
    #expect(a.steps.map(\.seed) == b.steps.map(\.seed))
    #expect(Set(a.steps.map(\.seed)).count == 3)
    #expect(zip(a.steps, c.steps).allSatisfy { $0.seed != $1.seed })
    #expect(a.steps.map(\.surface) == ["gravel", "gravel", "wood"])
    #expect(a.steps.map(\.step.surface) == ["gravel", "gravel", "wood"])
    let fallback = PlanBuilder(options: .init(defaultSurface: "tile")).build(
        steps: steps, video: video(), seed: 1, scene: .outdoor)
    #expect(fallback.steps.allSatisfy { $0.surface == "tile" })
    #expect(a.duration == 10)
}

@Test func loudnessTargetsParse() throws {
    #expect(try LoudnessTarget.parse("ebu-r128").lufs == -23)
    #expect(try LoudnessTarget.parse("web").lufs == -16)
    #expect(try LoudnessTarget.parse("streaming").lufs == -14)
    #expect(try LoudnessTarget.parse("-18").lufs == -18)
    #expect(throws: FootfallError.self) { try LoudnessTarget.parse("streamin") }
    #expect(throws: FootfallError.self) { try LoudnessTarget.parse("12") }
}

@Test func soundRequestsFollowThePlan() throws {
    let steps = [step(0.1, walker: 0), step(0.6, walker: 1), step(0.65, walker: 0), step(1.2, walker: 0)]
    var plan = PlanBuilder(options: .init(defaultSurface: "asphalt")).build(
        steps: steps, video: video(), seed: 3, scene: .outdoor)
    let requests = try plan.soundRequests(shoe: .boots)
    #expect(requests.count == 4)
    #expect(requests.map(\.seed) == plan.steps.map(\.seed))
    #expect(requests.allSatisfy { $0.surface == .concrete && $0.shoe == .boots && $0.intensity == 0.5 })
    let intervals = requests.map { $0.stepInterval ?? -1 }
    #expect(abs(intervals[0] - 0.55) < 1e-9)
    #expect(intervals[1] == -1)  // walker 1 has one step
    #expect(abs(intervals[3] - 0.55) < 1e-9)
    plan.steps[0].surface = "gravle"
    #expect(throws: FootfallError.self) { try plan.soundRequests() }
}
