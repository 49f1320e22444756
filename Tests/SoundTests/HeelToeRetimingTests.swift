import FootfallCore
import Foundation
import Testing

@testable import Sound

/// A recorded step's toe contact follows the pace: a fast step's heel→toe gap is shorter, a walk's is kept.
@Suite struct HeelToeRetimingTests {
    static let rate = 48_000

    /// A heel click and tone at 10 ms, a quieter toe at 130 ms (a 120 ms gap, a walk's).
    static func heelAndToe(toeAt toe: Double = 0.13) -> [Float] {
        var x = [Float](repeating: 0, count: Int(0.5 * Double(rate)))
        RecordedTestSet.step(tone: 900, onset: 0.01, into: &x, sampleRate: rate, seed: 1)
        var toePart = [Float](repeating: 0, count: x.count)
        RecordedTestSet.step(tone: 1_300, onset: toe, into: &toePart, sampleRate: rate, seed: 2)
        for i in x.indices { x[i] += 0.5 * toePart[i] }
        return x
    }

    static func milliseconds(_ samples: Int) -> Double { Double(samples) * 1_000 / Double(rate) }

    @Test func finds_the_heel_and_the_toe_of_a_step() throws {
        let c = try #require(HeelToeRetiming.contacts(in: Self.heelAndToe(), sampleRate: Self.rate))
        #expect(abs(Self.milliseconds(c.heel) - 10) <= 3, "heel at \(Self.milliseconds(c.heel)) ms")
        #expect(abs(Self.milliseconds(c.toe) - 130) <= 3, "toe at \(Self.milliseconds(c.toe)) ms")
        #expect(c.heel < c.split && c.split < c.toe)
        // One contact only (a forefoot landing, a splash): nothing to re-time.
        var single = [Float](repeating: 0, count: Int(0.4 * Double(Self.rate)))
        RecordedTestSet.step(tone: 900, onset: 0.01, into: &single, sampleRate: Self.rate, seed: 1)
        #expect(HeelToeRetiming.contacts(in: single, sampleRate: Self.rate) == nil)
        #expect(HeelToeRetiming.apply(single, factor: 0.5, sampleRate: Self.rate) == single)
    }

    @Test(arguments: [0.25, 0.3, 0.4])
    func a_faster_step_has_a_shorter_heel_to_toe_gap(interval: Double) throws {
        let x = Self.heelAndToe()
        let factor = HeelToeRetiming.factor(stepInterval: interval)
        #expect(abs(factor - max(0.5, interval / 0.5)) < 1e-9)
        let paced = HeelToeRetiming.apply(x, factor: factor, sampleRate: Self.rate)
        let before = try #require(HeelToeRetiming.contacts(in: x, sampleRate: Self.rate))
        let after = try #require(HeelToeRetiming.contacts(in: paced, sampleRate: Self.rate))
        #expect(after.heel == before.heel, "the heel must stay where it was")
        let gap = Self.milliseconds(after.toe - after.heel)
        let expected = Self.milliseconds(before.toe - before.heel) * factor
        #expect(abs(gap - expected) <= 3, "gap \(gap) ms, expected \(expected) ms")
        #expect(paced.count < x.count)
        // The toe is moved whole, not faded: its loudest sample stays, give or take the heel's tail fading under it.
        func loudest(_ y: [Float], around i: Int) -> Float {
            y[(i - 240)..<(i + 240)].map(abs).max() ?? 0
        }
        #expect(abs(loudest(paced, around: after.toe) / loudest(x, around: before.toe) - 1) < 0.2)
    }

    @Test func a_walk_or_a_slower_step_keeps_the_recorded_gap() {
        let x = Self.heelAndToe()
        for interval in [0.5, 0.8, 2.0] as [Double?] + [nil] {
            #expect(HeelToeRetiming.factor(stepInterval: interval) == 1)
            #expect(
                HeelToeRetiming.apply(x, factor: HeelToeRetiming.factor(stepInterval: interval), sampleRate: Self.rate)
                    == x)
        }
    }

    /// Through the backend's step making (pitch, tilt, level and transient as a render gets them): the same step
    /// at a run's pace has its toe sooner, and the transient is still the heel.
    @Test func the_backend_re_times_its_steps_and_keeps_the_transient_on_the_heel() throws {
        let recording = Recording(
            path: "/dev/null", file: "step.ogg", surface: .concrete, author: "Test", source: "https://example.org",
            licence: .cc0, set: "test", setTitle: "Test")
        let slice = RecordedSlice(recording: recording, samples: Self.heelAndToe(), sampleRate: Self.rate)
        func gap(_ interval: Double) throws -> (gap: Double, heel: Int, transient: Int) {
            let request = SoundRequest(surface: .concrete, foot: .left, stepInterval: interval, seed: 42)
            let sound = try #require(RecordedBackend.footstep(from: slice, request: request))
            let c = try #require(HeelToeRetiming.contacts(in: sound.audio.channels[0], sampleRate: Self.rate))
            return (Self.milliseconds(c.toe - c.heel), c.heel, sound.transientIndex)
        }
        let walk = try gap(0.55)
        let run = try gap(0.3)
        #expect(abs(run.gap / walk.gap - 0.6) < 0.05, "walk \(walk.gap) ms, run \(run.gap) ms")
        for step in [walk, run] { #expect(abs(step.transient - step.heel) <= 5 * Self.rate / 1_000) }
    }
}
