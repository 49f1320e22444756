import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import Steps

/// Matches each true strike to the nearest detection of the same foot; returns signed errors (detected − true).
func timingErrors(_ detected: [StepEvent], truth: [(time: Double, foot: Foot)], within: Double = 0.1) -> [Double] {
    truth.compactMap { t in
        detected.filter { $0.foot == t.foot }.map { $0.time - t.time }.filter { abs($0) <= within }
            .min { abs($0) < abs($1) }
    }
}

@Suite struct StepDetectorTests {
    @Test func zeniExtremaAreRecoveredOnVariableFrameTimes() {
        // A sinusoidal heel-ahead signal: its maxima are the Zeni heel strikes, known exactly. VFR frame times.
        var walker = SyntheticWalker()
        walker.jitter = 0.008
        walker.seed = 7
        let truthTimes = (0..<8).map { 0.5 + Double($0) * 0.55 }
        let frames = walker.frameTimes.enumerated().map { n, t -> PoseFrame in
            var pose = walker.pose(at: t)
            let pelvisX = pose.pelvis.x
            for (heel, toe, phase) in [
                (LandmarkIndex.leftHeel, LandmarkIndex.leftFootIndex, 0.0), (.rightHeel, .rightFootIndex, 0.55),
            ] {
                let x = pelvisX + 0.25 * walker.height * cos(2 * Double.pi * (t - 0.5 - phase) / 1.1)
                pose.landmarks[heel.rawValue].x = x
                pose.landmarks[toe.rawValue].x = x + 40
            }
            return PoseFrame(time: t, frame: n, walkers: [pose])
        }
        var options = StepDetectorOptions()
        options.method = .zeni
        options.restFraction = 1  // the extremum itself
        options.uncertainLateBias = 0
        let detection = StepDetector(options: options).detect(frames: frames, info: walker.info)
        let truth = truthTimes.enumerated().map { (time: $1, foot: $0 % 2 == 0 ? Foot.left : Foot.right) }
        let inner = truth.filter { $0.time > 0.8 && $0.time < 4.2 }  // away from the clip ends
        let errors = timingErrors(detection.heelStrikes, truth: inner)
        #expect(errors.count == inner.count)
        #expect(errors.allSatisfy { abs($0) <= 0.002 }, "errors \(errors)")
        #expect(detection.heelStrikes.allSatisfy { $0.method == "zeni" })
    }

    @Test func sideViewWalkerStrikesAlternateWithinAFrame() {
        var walker = SyntheticWalker()
        walker.jitter = 0.006
        let detection = StepDetector().detect(frames: walker.frames(), info: walker.info)
        let truth = walker.heelStrikes.filter { $0.time > 0.9 && $0.time < 4.6 }
        let errors = timingErrors(detection.heelStrikes, truth: truth)
        #expect(errors.count == truth.count, "found \(detection.heelStrikes.map(\.time))")
        #expect(errors.allSatisfy { abs($0) <= 1 / 30 }, "errors \(errors)")
        let feet = detection.heelStrikes.map(\.foot)
        #expect(zip(feet, feet.dropFirst()).allSatisfy { $0 != $1 }, "feet \(feet)")
        #expect(detection.walkers.first?.view == .side)
        #expect(
            detection.heelStrikes.allSatisfy { $0.method == "gait" && $0.position != nil && $0.walkerHeight != nil })
        #expect(detection.heelStrikes.allSatisfy { ($0.intensity ?? 0) > 0.2 && ($0.intensity ?? 1) < 0.9 })
        #expect(!detection.toeOffs.isEmpty)
    }

    @Test func walkerGoingLeftIsHandledLikeGoingRight() {
        var walker = SyntheticWalker()
        walker.view = .side(direction: -1)
        let detection = StepDetector().detect(frames: walker.frames(), info: walker.info)
        let truth = walker.heelStrikes.filter { $0.time > 0.9 && $0.time < 4.6 }
        let errors = timingErrors(detection.heelStrikes, truth: truth)
        #expect(errors.count == truth.count)
        #expect(errors.allSatisfy { abs($0) <= 1 / 30 }, "errors \(errors)")
    }

    @Test func cameraPanningWithTheWalkerGivesTheSameSteps() {
        // The camera follows the walker: the pelvis stays put (mid-picture, so the feet stay in it), the ground
        // (and stance feet) slide backwards.
        let walker = SyntheticWalker()
        let frames = walker.frames().map { f -> PoseFrame in
            var f = f
            let shift = walker.speed * walker.height * f.time - 800
            for w in f.walkers.indices {
                for i in f.walkers[w].landmarks.indices { f.walkers[w].landmarks[i].x -= shift }
            }
            return f
        }
        let detection = StepDetector().detect(frames: frames, info: walker.info)
        let truth = walker.heelStrikes.filter { $0.time > 0.9 && $0.time < 4.6 }
        let errors = timingErrors(detection.heelStrikes, truth: truth)
        #expect(errors.count == truth.count, "found \(detection.heelStrikes.map(\.time))")
        #expect(errors.allSatisfy { abs($0) <= 1 / 30 }, "errors \(errors)")
        #expect(detection.walkers.first?.view == .side)
    }

    @Test func walkerTowardTheCameraIsFoundInTheWalkersOwnFrame() {
        var walker = SyntheticWalker()
        walker.view = .towardCamera
        walker.duration = 4
        let detection = StepDetector().detect(frames: walker.frames(), info: walker.info)
        #expect(detection.walkers.first?.view == .frontal)
        #expect(detection.heelStrikes.allSatisfy { $0.method == "gait" })
        let truth = walker.heelStrikes.filter { $0.time > 0.9 && $0.time < 3.5 }
        let errors = timingErrors(detection.heelStrikes, truth: truth)
        #expect(errors.count == truth.count, "found \(detection.heelStrikes.map(\.time)) truth \(truth)")
        #expect(errors.allSatisfy { abs($0) <= 0.05 }, "errors \(errors)")
    }

    @Test func standingPersonMakesNoSteps() {
        var rng = SeededRandom(seed: 3)
        let still = SyntheticWalker()
        let frames = (0..<150).map { n -> PoseFrame in
            let t = Double(n) / 30
            var pose = still.pose(at: 0)  // frozen mid-stance
            for i in pose.landmarks.indices {
                // Sway and landmark noise, no gait.
                pose.landmarks[i].x += 4 * sin(2 * Double.pi * 0.3 * t) + rng.uniform(-1.5...1.5)
                pose.landmarks[i].y += rng.uniform(-1.5...1.5)
            }
            return PoseFrame(time: t, frame: n, walkers: [pose])
        }
        let detection = StepDetector().detect(frames: frames, info: still.info)
        #expect(detection.heelStrikes.isEmpty, "found \(detection.heelStrikes.map(\.time))")
    }

    @Test(arguments: [SyntheticWalker.View.side(direction: 1), .towardCamera])
    func jitteryStandingPersonMakesNoSteps(view: SyntheticWalker.View) {
        // A small, still person whose landmarks jitter by 2–3 % of their height every frame (a pose model on a
        // distant person): no swing stands out of the jitter and both feet "move" alike.
        var still = SyntheticWalker()
        still.height = 100
        still.view = view
        var rng = SeededRandom(seed: 5)
        let frames = (0..<240).map { n -> PoseFrame in
            var pose = still.pose(at: 0)
            let noise = n < 120 ? 0.02 : 0.03
            for i in pose.landmarks.indices {
                pose.landmarks[i].x += rng.gaussian() * noise * still.height
                pose.landmarks[i].y += rng.gaussian() * noise * still.height
            }
            return PoseFrame(time: Double(n) / 30, frame: n, walkers: [pose])
        }
        let detection = StepDetector().detect(frames: frames, info: still.info)
        #expect(detection.heelStrikes.isEmpty, "found \(detection.heelStrikes.map(\.time))")
    }

    @Test func jumpLandingIsNotAStep() {
        // A standing jump forward seen from the side: both feet swing ahead of the pelvis together and land
        // together; before and after the walker stands.
        let base = SyntheticWalker()
        let frames = (0..<120).map { n -> PoseFrame in
            let t = Double(n) / 30
            var pose = base.pose(at: 0)
            let s = (t - 1.5) / 0.45
            let inAir = s > 0 && s < 1
            let up = inAir ? 0.25 * sin(Double.pi * s) * base.height : 0
            let forward = s <= 0 ? 0 : s >= 1 ? 0.4 * base.height : 0.4 * base.height * s * s * (3 - 2 * s)
            // Feet reach forward relative to the pelvis toward the landing (s → 1), then settle back under it.
            let reach = 0.2 * base.height * exp(-pow((t - 1.95) / 0.12, 2))
            for i in pose.landmarks.indices {
                pose.landmarks[i].y -= up
                pose.landmarks[i].x += forward
            }
            for i in [LandmarkIndex.leftHeel, .rightHeel, .leftFootIndex, .rightFootIndex, .leftAnkle, .rightAnkle] {
                pose.landmarks[i.rawValue].x += reach
            }
            return PoseFrame(time: t, frame: n, walkers: [pose])
        }
        let detection = StepDetector().detect(frames: frames, info: base.info)
        #expect(detection.heelStrikes.isEmpty, "found \(detection.heelStrikes.map(\.time))")
        let rejected = detection.walkers.flatMap(\.rejected)
        // Told apart as a two-foot landing, or as a lone landing with no gait around it.
        #expect(
            rejected.contains { ["jump landing", "both feet level", "isolated"].contains(where: $0.contains) },
            "rejected: \(rejected)")
    }

    @Test func noEventsAreInventedInsideAGap() {
        var walker = SyntheticWalker()
        walker.duration = 6
        let frames = walker.frames().filter { $0.time < 2.2 || $0.time > 3.4 }  // 1.2 s unseen
        let detection = StepDetector().detect(frames: frames, info: walker.info)
        #expect(!detection.heelStrikes.contains { $0.time > 2.2 && $0.time < 3.4 })
        #expect(detection.heelStrikes.count >= 5)
        #expect(detection.walkers.first?.segments == 2)
    }

    @Test func lowVisibilityFeetGiveNoConfidentSteps() {
        var walker = SyntheticWalker()
        walker.duration = 4
        let frames = walker.frames().map { f -> PoseFrame in
            var f = f
            for w in f.walkers.indices {
                for i in [LandmarkIndex.leftHeel, .rightHeel, .leftFootIndex, .rightFootIndex] {
                    f.walkers[w].landmarks[i.rawValue].visibility = 0.1
                }
            }
            return f
        }
        let detection = StepDetector().detect(frames: frames, info: walker.info)
        #expect(detection.heelStrikes.isEmpty)
    }

    @Test func lowFrameRateVideoStillGivesEveryStep() {
        // 10 fps (like the demo video): a frame every 100 ms; events must still come out, never far off.
        var walker = SyntheticWalker()
        walker.frameRate = 10
        walker.duration = 8
        walker.height = 100
        let detection = StepDetector().detect(frames: walker.frames(), info: walker.info)
        let truth = walker.heelStrikes.filter { $0.time > 0.9 && $0.time < 7.4 }
        let errors = timingErrors(detection.heelStrikes, truth: truth)
        #expect(errors.count == truth.count, "found \(detection.heelStrikes.map(\.time))")
        #expect(errors.allSatisfy { abs($0) <= 0.05 }, "errors \(errors)")
    }

    @Test func singleMissedFramesAtLowFrameRateDoNotSplitTheWalk() {
        // At 10 fps one frame without a pose leaves 0.2 s between samples; with every 7th frame lost the walk
        // must stay one track and keep every step.
        var walker = SyntheticWalker()
        walker.frameRate = 10
        walker.duration = 8
        walker.height = 100
        let frames = walker.frames().enumerated().filter { $0.offset % 7 != 3 }.map(\.element)
        let detection = StepDetector().detect(frames: frames, info: walker.info)
        #expect(detection.walkers.first?.segments == 1)
        let truth = walker.heelStrikes.filter { $0.time > 0.9 && $0.time < 7.4 }
        let errors = timingErrors(detection.heelStrikes, truth: truth)
        #expect(errors.count == truth.count, "found \(detection.heelStrikes.map(\.time))")
        // A strike whose own frame is lost is seen at the next frame: late by up to a frame, never early.
        #expect(errors.allSatisfy { $0 >= -0.03 && $0 <= 0.1 }, "errors \(errors)")
        #expect(errors.filter { abs($0) <= 0.05 }.count >= truth.count - 2, "errors \(errors)")
    }

    @Test func cutoffFollowsTheFrameRate() {
        let detector = StepDetector()
        #expect(detector.cutoff(frameRate: 60) == 6)
        #expect(abs(detector.cutoff(frameRate: 10) - 4) < 1e-9)
    }
}
