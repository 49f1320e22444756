import FootfallCore
import FootfallTesting
import Testing

@testable import Steps

/// People seen from the front who do not travel: stepping in place is walking, shifting one's weight is not.
@Suite struct StationaryWalkerTests {
    static func inPlace() -> SyntheticWalker {
        var walker = SyntheticWalker()
        walker.view = .towardCamera
        walker.speed = 0  // feet lift and land where they are
        walker.duration = 5
        return walker
    }

    @Test func steppingInPlaceGivesSteps() {
        // The foot only rises and falls: its speed peaks at lift-off and at landing, not mid-swing.
        let walker = Self.inPlace()
        let detection = StepDetector().detect(frames: walker.frames(), info: walker.info)
        #expect(detection.heelStrikes.allSatisfy { $0.method == "vertical" })
        let truth = walker.heelStrikes.filter { $0.time > 0.3 && $0.time < 4.7 }
        let errors = timingErrors(detection.heelStrikes, truth: truth)
        #expect(errors.count >= truth.count - 1, "found \(detection.heelStrikes.map(\.time))")
        let feet = detection.heelStrikes.map(\.foot)
        #expect(zip(feet, feet.dropFirst()).allSatisfy { $0 != $1 }, "feet \(feet)")
        // The foot comes to rest at the contact; the detector errs late, never early.
        #expect(errors.allSatisfy { $0 >= -0.005 && $0 <= 0.05 }, "errors \(errors)")
    }

    /// A shot of the legs alone: the pose model makes up a head among the legs (BlazePose does on a treadmill
    /// filmed at shin height). Before, such a walker was "not upright" and gave nothing; hips, knees and heels in
    /// order are enough.
    @Test func legsAloneSteppingInPlaceGiveSteps() {
        let walker = Self.inPlace()
        let frames = walker.frames().map { frame -> PoseFrame in
            var f = frame
            f.walkers = f.walkers.map { pose in
                var p = pose
                let hipY =
                    (p.landmarks[LandmarkIndex.leftHip.rawValue].y + p.landmarks[LandmarkIndex.rightHip.rawValue].y) / 2
                let kneeY =
                    (p.landmarks[LandmarkIndex.leftKnee.rawValue].y + p.landmarks[LandmarkIndex.rightKnee.rawValue].y)
                    / 2
                // Everything above the hips lands between the hips and the knees.
                for i in 0..<LandmarkIndex.leftHip.rawValue { p.landmarks[i].y = hipY + 0.4 * (kneeY - hipY) }
                return p
            }
            return f
        }
        let detection = StepDetector().detect(frames: frames, info: walker.info)
        let truth = walker.heelStrikes.filter { $0.time > 0.3 && $0.time < 4.7 }
        let errors = timingErrors(detection.heelStrikes, truth: truth)
        #expect(errors.count >= truth.count - 1, "found \(detection.heelStrikes.map(\.time))")
        #expect(errors.allSatisfy { $0 >= -0.005 && $0 <= 0.05 }, "errors \(errors)")
    }

    @Test func twoWeightShiftsAreNotSteps() {
        // One left foot lift around 1.3 s, one right foot lift around 2.9 s; standing still otherwise.
        let walker = Self.inPlace()
        let windows = [1.03...1.55, 2.68...3.2]
        let frames = walker.frameTimes.enumerated().map { n, t -> PoseFrame in
            let held: Double
            if windows.contains(where: { $0.contains(t) }) {
                held = t
            } else if t < windows[0].lowerBound {
                held = windows[0].lowerBound
            } else if t < windows[1].lowerBound {
                held = windows[0].upperBound
            } else {
                held = windows[1].upperBound
            }
            return PoseFrame(time: t, frame: n, walkers: [walker.pose(at: held)])
        }
        let detection = StepDetector().detect(frames: frames, info: walker.info)
        #expect(detection.heelStrikes.isEmpty, "found \(detection.heelStrikes.map(\.time))")
    }
}
