import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import Steps

@Suite struct PelvisBobMethodTests {
    /// A walker whose feet are below the picture's edge or too dark to see.
    static func hidingFeet(_ frames: [PoseFrame]) -> [PoseFrame] {
        frames.map { f in
            var f = f
            for w in f.walkers.indices {
                for i in [LandmarkIndex.leftHeel, .rightHeel, .leftFootIndex, .rightFootIndex] {
                    f.walkers[w].landmarks[i.rawValue].visibility = 0.05
                }
            }
            return f
        }
    }

    @Test(arguments: [SyntheticWalker.View.side(direction: 1), .towardCamera])
    func walkerWithHiddenFeetIsHeardFromTheBodysBounce(view: SyntheticWalker.View) {
        var walker = SyntheticWalker()
        walker.view = view
        walker.bounce = 0.025
        walker.duration = 6
        let detection = StepDetector().detect(frames: Self.hidingFeet(walker.frames()), info: walker.info)
        #expect(detection.heelStrikes.allSatisfy { $0.method == "pelvis" })
        #expect(detection.walkers.first?.method == "pelvis")
        let truth = walker.heelStrikes.filter { $0.time > 0.7 && $0.time < 5.4 }
        // Which foot is unknown: match on time only.
        let errors = truth.compactMap { t in
            detection.heelStrikes.map { $0.time - t.time }.filter { abs($0) <= 0.15 }.min { abs($0) < abs($1) }
        }
        #expect(
            errors.count >= truth.count - 1, "found \(detection.heelStrikes.map(\.time)) truth \(truth.map(\.time))")
        // The body is lowest just after the strike: late, never early.
        #expect(errors.allSatisfy { $0 >= -0.01 && $0 <= walker.bounceDelay + 0.04 }, "errors \(errors)")
        let feet = detection.heelStrikes.map(\.foot)
        #expect(zip(feet, feet.dropFirst()).allSatisfy { $0 != $1 })
        #expect(detection.heelStrikes.allSatisfy { $0.confidence <= 0.5 && $0.position != nil })
    }

    /// Seen from the front, feet under a long robe: the foot landmarks ride along with the body (no swing for
    /// the vertical method), the body still bounces with each step. `robeFrom`: the feet are seen swinging
    /// before that time (a couple of steps for the vertical method, far fewer than the bounce shows).
    @Test(arguments: [0.0, 1.4])
    func robedWalkerTowardTheCameraIsHeardFromTheBounce(robeFrom: Double) {
        var walker = SyntheticWalker()
        walker.view = .towardCamera
        walker.bounce = 0.025
        walker.duration = 5
        let frames = walker.frames().map { f -> PoseFrame in
            var f = f
            guard f.time >= robeFrom else { return f }
            let pose = f.walkers[0]
            // Under the hips, as far below them as the head is above (scales with distance): no swing.
            let trunk = pose[.leftHip].y - pose[.nose].y
            for i in [LandmarkIndex.leftHeel, .rightHeel, .leftFootIndex, .rightFootIndex, .leftAnkle, .rightAnkle] {
                let hip: LandmarkIndex = [.leftHeel, .leftFootIndex, .leftAnkle].contains(i) ? .leftHip : .rightHip
                f.walkers[0].landmarks[i.rawValue].x = pose[hip].x
                f.walkers[0].landmarks[i.rawValue].y = pose[hip].y + 1.1 * trunk
                f.walkers[0].landmarks[i.rawValue].z = pose[hip].z
            }
            return f
        }
        let detection = StepDetector().detect(frames: frames, info: walker.info)
        #expect(detection.walkers.first?.view == .frontal)
        #expect(!detection.heelStrikes.isEmpty)
        #expect(detection.heelStrikes.allSatisfy { $0.method == "pelvis" })
        let truth = walker.heelStrikes.filter { $0.time > 0.7 && $0.time < 4.4 }
        let errors = truth.compactMap { t in
            detection.heelStrikes.map { $0.time - t.time }.filter { abs($0) <= 0.15 }.min { abs($0) < abs($1) }
        }
        #expect(errors.count >= truth.count - 1, "found \(detection.heelStrikes.map(\.time))")
        #expect(errors.allSatisfy { $0 >= -0.01 && $0 <= walker.bounceDelay + 0.04 }, "errors \(errors)")
    }

    @Test func standingPersonWithHiddenFeetMakesNoSteps() {
        // Swaying and breathing, landmark noise, a slow bob: no steady step rhythm, no travel.
        var rng = SeededRandom(seed: 11)
        let still = SyntheticWalker()
        let frames = (0..<300).map { n -> PoseFrame in
            let t = Double(n) / 30
            var pose = still.pose(at: 0)
            for i in pose.landmarks.indices {
                pose.landmarks[i].x += 4 * sin(2 * Double.pi * 0.3 * t) + rng.uniform(-1.5...1.5)
                pose.landmarks[i].y += 3 * sin(2 * Double.pi * 0.25 * t) + rng.uniform(-1.5...1.5)
            }
            return PoseFrame(time: t, frame: n, walkers: [pose])
        }
        let detection = StepDetector().detect(frames: Self.hidingFeet(frames), info: still.info)
        #expect(detection.heelStrikes.isEmpty, "found \(detection.heelStrikes.map(\.time))")
    }

    @Test func visibleFeetAreNotOverruledByTheBounce() {
        var walker = SyntheticWalker()
        walker.bounce = 0.025
        let detection = StepDetector().detect(frames: walker.frames(), info: walker.info)
        #expect(!detection.heelStrikes.isEmpty)
        #expect(detection.heelStrikes.allSatisfy { $0.method == "gait" })
    }

    @Test func rhythmSplitsWhereTheCadenceBreaks() {
        let times = [0.0, 0.5, 1.0, 1.5, 3.0, 3.5, 3.7, 4.2]
        #expect(PelvisBobMethod.rhythmicChains(times) == [[0, 1, 2, 3], [4, 5], [6, 7]])
    }
}
