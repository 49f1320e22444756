import FootfallCore
import Foundation
import MocapSimulation
import Steps
import Testing

/// A body that lands from a jump folds its legs to take the fall; a walking leg takes the weight nearly straight.
/// The contact is no step, and no other cue (the body's lowest point, the rhythm) may put one there.
@Suite struct JumpLandingTests {
    /// cmu_07_06 seen from the side, with the upper body pushed down toward the feet right after one contact
    /// (by 0.45 of the walker's nose-to-heel height, over 0.15 s, held 0.1 s, back over 0.2 s): the legs folding under a
    /// landing.
    static func walkWithLanding(at index: Int) throws -> (SimulatedClip, SimulatedTruth.Step) {
        let clip = try #require(MocapSweepTests.clips.first { $0.name == "cmu_07_06" })
        var c = SimulationCondition(azimuth: 90, walkerHeight: 200)
        c.noise = .none
        var sim = MocapSimulator.simulate(clip, c)
        let scored = sim.truth.steps.filter(\.scored)
        try #require(scored.count > index)
        let landing = scored[index]
        for k in sim.frames.indices {
            guard var pose = sim.frames[k].walkers.first else { continue }
            let dt = sim.frames[k].time - landing.time
            let fold: Double =
                switch dt {
                case ..<0, 0.45...: 0
                case ..<0.15: dt / 0.15
                case ..<0.25: 1
                default: 1 - (dt - 0.25) / 0.2
                }
            guard fold > 0 else { continue }
            let height = pose[.leftHeel].y - pose[.nose].y
            for i in 0...LandmarkIndex.rightHip.rawValue { pose.landmarks[i].y += 0.45 * height * fold }
            sim.frames[k].walkers[0] = pose
        }
        return (sim, landing)
    }

    @Test func aLandingIsNoStep() throws {
        for index in [0, 2] {
            let (sim, landing) = try Self.walkWithLanding(at: index)
            let found = StepDetector().detect(frames: sim.frames, info: sim.info).heelStrikes
            #expect(
                !found.contains { abs($0.time - landing.time) < 0.15 },
                "landing at \(landing.time) s, found \(found.map { String(format: "%.3f %@", $0.time, ($0.cues ?? []).joined(separator: ",")) })"
            )
            let others = sim.truth.steps.filter { $0.scored && abs($0.time - landing.time) > 0.3 }
            let hits = others.filter { step in found.contains { abs($0.time - step.time) <= 0.05 } }
            #expect(
                hits.count >= others.count - 1,
                "the walk's other steps stay: \(others.map(\.time)) vs \(found.map(\.time))")
        }
    }
}
