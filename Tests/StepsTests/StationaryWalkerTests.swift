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
