import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import Steps

/// The video's own footstep sounds as a timing cue: used when they are locked to the picture's steps, ignored
/// when the sound is anything else.
@Suite struct FootstepSoundCueTests {
    /// Steps every 0.55 s; the picture sees them `bias` late with ±`spread` jitter.
    static func pictureSteps(
        count: Int = 8, bias: Double, spread: Double, confidence: Double = 0.8, seed: UInt64 = 1
    ) -> (truth: [Double], steps: [StepEvent]) {
        var rng = SeededRandom(seed: seed)
        let truth = (0..<count).map { 0.5 + 0.55 * Double($0) }
        let steps = truth.enumerated().map { i, t in
            StepEvent(
                time: t + bias + (rng.unit() * 2 - 1) * spread, frame: 0, walker: 0, foot: i % 2 == 0 ? .left : .right,
                confidence: confidence, method: "gait", cues: ["stride"])
        }
        return (truth, steps)
    }

    static func frame(_ t: Double) -> Int { Int((t * 30).rounded()) }

    @Test func stepsMoveOntoTheirSoundsAndUnheardOnesByTheOffset() {
        let (truth, steps) = Self.pictureSteps(bias: 0.045, spread: 0.025)
        // The sixth step is not heard; two other sounds (a door, a cough) fall between steps.
        var attacks = truth.enumerated().filter { $0.offset != 5 }.map(\.element)
        attacks += [truth[2] + 0.27, truth[6] + 0.3]
        attacks.sort()
        let result = FootstepSoundCue().align(steps, attacks: attacks, frameIndex: Self.frame)
        #expect(result.alignment.offset != nil)
        #expect(result.alignment.snapped == 7)
        #expect(result.alignment.chance < 0.01)
        for (i, step) in result.steps.enumerated() where i != 5 {
            #expect(abs(step.time - truth[i]) < 1e-9)
            #expect(step.cues?.contains("sound") == true)
            #expect(step.confidence > 0.9)
            #expect(step.frame == Self.frame(truth[i]))
        }
        // The unheard step keeps the picture's timing less the clip's offset: closer to the truth than before.
        #expect(abs(result.steps[5].time - truth[5]) < abs(steps[5].time - truth[5]))
        #expect(result.steps[5].cues?.contains("sound") == false)
    }

    @Test func doubtfulStepsReachFurtherForTheirSound() {
        // The body's bounce alone: steps 60–100 ms late, confidence 0.3 (a game character in a robe).
        let (truth, steps) = Self.pictureSteps(count: 4, bias: 0.08, spread: 0.02, confidence: 0.3)
        let result = FootstepSoundCue().align(steps, attacks: truth, frameIndex: Self.frame)
        #expect(result.alignment.snapped == 4)
        for (step, t) in zip(result.steps, truth) { #expect(abs(step.time - t) < 1e-9) }
    }

    @Test func randomSoundsNeverMoveTheSteps() {
        // Speech, music or machine noise: attacks at random, 1–5 per second, over 40 clips.
        var locked = 0
        for seed in 1...40 {
            let (_, steps) = Self.pictureSteps(bias: 0, spread: 0.02, seed: UInt64(seed))
            var rng = SeededRandom(seed: UInt64(1000 + seed))
            let rate = 1 + 4 * rng.unit()
            var attacks: [Double] = []
            var t = 0.0
            while t < 6 {
                t += -log(max(rng.unit(), 1e-9)) / rate
                attacks.append(t)
            }
            let result = FootstepSoundCue().align(steps, attacks: attacks, frameIndex: Self.frame)
            if result.alignment.offset != nil {
                locked += 1
            } else {
                #expect(result.steps == steps)
            }
        }
        #expect(locked <= 2)
    }

    @Test func musicAtTheWalkersCadenceCannotPullSureStepsOffTheirFrames() {
        // A beat every 0.55 s, 150 ms after each step: the sure steps stay where the picture put them.
        let (truth, steps) = Self.pictureSteps(bias: 0, spread: 0.01, confidence: 0.95)
        let beats = truth.map { $0 + 0.15 }
        let result = FootstepSoundCue().align(steps, attacks: beats, frameIndex: Self.frame)
        #expect(result.alignment.offset == nil)
        #expect(result.steps == steps)
    }

    @Test func aFootstepHeardOnALeftOutCandidateMakesItAStep() {
        // The picture judged the walker not to walk (a walker the camera follows, legs only): no steps, six
        // candidates, and two more from a hand waving; the steps are heard.
        let (truth, picture) = Self.pictureSteps(count: 6, bias: 0.02, spread: 0.02, confidence: 0.3)
        let waving = [1.1, 2.9].map {
            StepEvent(time: $0, frame: 0, walker: 0, foot: .left, confidence: 0.2, method: "gait", cues: [])
        }
        let result = FootstepSoundCue().align([], candidates: picture + waving, attacks: truth, frameIndex: Self.frame)
        #expect(result.alignment.offset != nil)
        #expect(result.alignment.confirmed == 6)
        let times = result.steps.map { $0.time }
        #expect(times == truth)
        #expect(result.steps.allSatisfy { $0.cues?.contains("sound") == true })

        // Random sounds confirm nothing.
        var rng = SeededRandom(seed: 7)
        let noise = (0..<12).map { _ in 4 * rng.unit() }.sorted()
        let unheard = FootstepSoundCue().align([], candidates: picture, attacks: noise, frameIndex: Self.frame)
        #expect(unheard.steps.isEmpty)
    }

    /// Two walkers, only the near one heard: its steps alone lock the sound, the other's keep their timing.
    @Test func theWalkerHeardIsTimedOnItsSoundTheOtherIsLeftAlone() {
        var walker = SyntheticWalker()
        walker.frameRate = 24
        walker.duration = 4
        var behind = SyntheticWalker()
        behind.frameRate = 24
        behind.duration = 4
        behind.walker = 2
        behind.stepTime = 0.43
        behind.firstStrike = 0.35
        behind.height = 200
        let frames = zip(walker.frames(), behind.frames()).map { a, b in
            PoseFrame(time: a.time, frame: a.frame, walkers: a.walkers + b.walkers)
        }
        let detection = StepDetector().detect(frames: frames, info: walker.info)
        let truth = walker.heelStrikes.map(\.time)
        #expect(detection.heelStrikes.filter { $0.walker == 2 }.count > detection.heelStrikes.count / 2)
        let audio = SyntheticAudio.clicks(at: truth, duration: walker.duration)
        let aligned = detection.aligned(onAttacks: OnsetDetector().detect(audio), frames: frames)
        #expect(aligned.sound?.walker == 1)
        for step in aligned.heelStrikes where step.walker == 1 {
            let nearest = truth.min { abs($0 - step.time) < abs($1 - step.time) } ?? 0
            #expect(abs(step.time - nearest) < 0.001)
        }
        let before = detection.heelStrikes.filter { $0.walker == 2 }.map(\.time)
        let after = aligned.heelStrikes.filter { $0.walker == 2 }.map(\.time)
        #expect(before == after)
    }

    @Test func silenceAndTooFewStepsChangeNothing() {
        let (_, steps) = Self.pictureSteps(bias: 0.02, spread: 0.01)
        #expect(FootstepSoundCue().align(steps, attacks: [], frameIndex: Self.frame).steps == steps)
        let one = Array(steps.prefix(1))
        #expect(FootstepSoundCue().align(one, attacks: [one[0].time], frameIndex: Self.frame).steps == one)
    }

    /// The whole cue on a detected walk: clicks at the true heel strikes, found by the onset detector.
    @Test func detectedStepsLandOnTheClicksOfTheirSoundTrack() {
        var walker = SyntheticWalker()
        walker.frameRate = 24
        let truth = walker.heelStrikes.map(\.time)
        let detection = StepDetector().detect(frames: walker.frames(), info: walker.info)
        #expect(detection.heelStrikes.count >= truth.count - 1)
        let audio = SyntheticAudio.clicks(at: truth, duration: walker.duration)
        let aligned = detection.aligned(onAttacks: OnsetDetector().detect(audio), frames: walker.frames())
        #expect(aligned.sound?.offset != nil)
        for step in aligned.heelStrikes {
            let nearest = truth.min { abs($0 - step.time) < abs($1 - step.time) } ?? 0
            #expect(abs(step.time - nearest) < 0.001)
        }
        // A late bias the user asked for is kept on the steps moved onto their sound.
        let late = detection.aligned(onAttacks: OnsetDetector().detect(audio), frames: walker.frames(), lateBias: 0.02)
        #expect(zip(late.heelStrikes, aligned.heelStrikes).allSatisfy { abs($0.time - $1.time - 0.02) < 1e-9 })
    }
}
