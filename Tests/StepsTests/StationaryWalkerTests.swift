import FootfallCore
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
        // (In this synthetic view only the left foot's landings stand out for the vertical method; one foot at
        // its stride's cadence is a steady run too.)
        let walker = Self.inPlace()
        let detection = StepDetector().detect(frames: walker.frames(), info: walker.info)
        #expect(detection.heelStrikes.count >= 4, "found \(detection.heelStrikes.map(\.time))")
        #expect(detection.heelStrikes.allSatisfy { $0.method == "vertical" })
        let errors = timingErrors(detection.heelStrikes, truth: walker.heelStrikes)
        #expect(errors.count == detection.heelStrikes.count)
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
