import FootfallCore
import Foundation
import MocapSimulation
import Steps
import Testing

/// A walker whose feet pass the picture's lower edge while the body stays in view (walking toward a low camera,
/// a game character's feet below the frame): the steps go on from the body's bounce, at the lag the seen steps
/// showed, with the feet still alternating (`StridePhaseTracker`).
@Suite struct FeetOutOfPictureTests {
    /// cmu_07_06 toward the camera at 30° with a picture cut just below the mid-clip hips, so that the feet are in
    /// view for the first part of the walk and below the edge for the rest.
    static func cutOffWalk() throws -> SimulatedClip {
        let clip = try #require(MocapSweepTests.clips.first { $0.name == "cmu_05_01" })
        var c = SimulationCondition(azimuth: 30, walkerHeight: 300)
        c.noise = .none
        c.pictureWidth = 1280
        c.pictureHeight = 330
        return MocapSimulator.simulate(clip, c)
    }

    @Test func stepsContinueFromTheBodyWhereTheFeetAreCutOff() throws {
        let sim = try Self.cutOffWalk()
        let height = Double(sim.info.height)
        let lowest = { (f: PoseFrame, pick: (Double, Double) -> Double) -> Double in
            f.walkers.first.map { pick($0[.leftHeel].y, $0[.rightHeel].y) } ?? 0
        }
        let seen = sim.frames.filter { lowest($0, max) < 0.9 * height }.count
        #expect(seen >= 20, "the feet are in the picture for the first part")
        let blindFrom = try #require(sim.frames.first { lowest($0, min) > height }?.time)
        #expect(sim.frames.filter { $0.time > blindFrom }.allSatisfy { lowest($0, max) > height })
        let cutOff = sim.truth.steps.filter { $0.scored && $0.time > blindFrom }
        try #require(cutOff.count >= 3, "steps with both feet below the edge: \(cutOff.map(\.time))")

        let found = StepDetector().detect(frames: sim.frames, info: sim.info).heelStrikes
        // Approaching, the bounce's lag behind the strikes grows (perspective), so these come late: ±100 ms here.
        let matched = cutOff.compactMap { step -> (SimulatedTruth.Step, StepEvent)? in
            guard let near = found.min(by: { abs($0.time - step.time) < abs($1.time - step.time) }),
                abs(near.time - step.time) <= 0.1
            else { return nil }
            return (step, near)
        }
        let summary = found.map {
            String(format: "%.3f %@ %@", $0.time, $0.foot.rawValue, ($0.cues ?? []).joined(separator: ","))
        }
        #expect(matched.count >= cutOff.count - 1, "cut-off steps \(cutOff.map(\.time)), found \(summary)")
        for (step, near) in matched {
            #expect(near.cues?.contains("stride-phase") == true, "\(step.time) s: \(summary)")
            #expect(near.foot == step.foot, "the alternation goes on at \(step.time) s")
        }
    }
}
