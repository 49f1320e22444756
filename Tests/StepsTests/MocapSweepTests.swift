import FootfallCore
import Foundation
import MocapSimulation
import Steps
import Testing

/// The mocap view sweep's slice (`MocapSlice`, also `mocap-sweep --slice`): real CMU walks from the committed
/// fixtures, projected at 30 fps and ~200 px with BlazePose-like noise from every side, must give the detector's
/// targets — F1 ≥ 0.9 at ±50 ms per view class, and no steps on a clip without walking.
@Suite struct MocapSweepTests {
    static let clips: [MocapClip] = {
        guard let dir = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            let clips = try? MocapFixture.loadAll(directory: dir)
        else { return [] }
        return clips
    }()

    static let report = MocapSlice.run(
        clips: clips, detect: { StepDetector().detect(frames: $0, info: $1).heelStrikes },
        match: { detected, reference, tolerance in
            EventMatcher.match(detected: detected, reference: reference, tolerance: tolerance).matches.map {
                (detected: $0.detected, reference: $0.reference)
            }
        })

    @Test func fixturesHoldThreeWalksAndANegative() {
        #expect(Self.clips.filter { $0.category != .negative }.count == 3)
        #expect(Self.clips.filter { $0.category == .negative }.count == 1)
    }

    /// The synthetic heel is on the floor when the mocap says the foot touched down.
    @Test func heelsAreOnTheFloorAtTheContacts() {
        for clip in Self.clips {
            for (times, heel) in [(clip.contacts.left, BodyPoint.leftHeel), (clip.contacts.right, .rightHeel)] {
                for t in times {
                    let h = clip.points(at: t)[heel.rawValue].y
                    #expect(abs(h) < 0.03, "\(clip.name) \(heel.key) \(h) m above the floor at \(t) s")
                }
            }
        }
    }

    /// Walking toward the camera: the person's left is on the picture's right, the nose nearer than the hips,
    /// world y down and z away from the camera.
    @Test func frontalViewIsNotMirrored() throws {
        let clip = try #require(Self.clips.first { $0.name == "cmu_07_06" })
        var c = SimulationCondition(azimuth: 0)
        c.noise = .none
        let sim = MocapSimulator.simulate(clip, c)
        let pose = try #require(sim.frames[sim.frames.count / 2].walkers.first)
        let world = try #require(pose.world)
        #expect(pose[.leftHip].x > pose[.rightHip].x)
        #expect(pose[.nose].z < 0)
        #expect(world[LandmarkIndex.nose.rawValue].z < 0)
        #expect(world[LandmarkIndex.nose.rawValue].y < 0 && world[LandmarkIndex.leftHeel.rawValue].y > 0.5)
        #expect(world[LandmarkIndex.leftHip.rawValue].x > 0)
    }

    @Test(arguments: ViewClass.allCases) func heelStrikesFromEveryView(view: ViewClass) {
        let score = Self.report.views[view] ?? StepScore()
        let runs = Self.report.lines.filter { $0.contains(" \(view.rawValue) ") }.joined(separator: "\n")
        #expect(
            (score.f1 ?? 0) >= MocapSlice.minimumF1,
            "\(view.rawValue): F1 \(score.f1 ?? 0) (hits \(score.hits), misses \(score.misses), false \(score.falseAlarms))\n\(runs)"
        )
    }

    @Test func noStepsWithoutWalking() {
        let runs = Self.report.lines.filter { $0.hasPrefix("cmu_02_05") }.joined(separator: "\n")
        #expect(
            Self.report.negativeSteps <= MocapSlice.maximumNegativeSteps,
            "\(Self.report.negativeSteps) steps on the negative\n\(runs)")
    }
}
