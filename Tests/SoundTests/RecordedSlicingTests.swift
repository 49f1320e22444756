import FootfallCore
import FootfallTesting
import Testing

@testable import Sound

@Suite struct RecordedSlicingTests {
    @Test func three_steps_in_one_recording_become_three_slices_at_their_onsets() {
        let audio = RecordedTestSet.recording(
            tones: [900, 900, 900], onsets: RecordedTestSet.gravelOnsets, length: 1.3, sampleRate: 48_000)
        let slices = StepSlicer().slices(of: audio.channels[0], sampleRate: 48_000)
        #expect(slices.count == 3)
        for (slice, onset) in zip(slices, RecordedTestSet.gravelOnsets) {
            let start = Double(slice.lowerBound) / 48_000
            // Cut a little before the step (the 5 ms pre-roll plus at most one 2.5 ms hop), never after it.
            #expect(start <= onset && start >= onset - 0.0126, "slice at \(start) s for a step at \(onset) s")
        }
        #expect(slices.last?.upperBound == audio.frameCount)
        for (a, b) in zip(slices, slices.dropFirst()) { #expect(a.upperBound == b.lowerBound) }
    }

    @Test func one_step_with_a_rough_tail_stays_one_slice() {
        // A crunch: one impact, then crackle whose level wanders by ±10 dB but stays well below the impact.
        var x = [Float](repeating: 0, count: 19_200)
        RecordedTestSet.step(tone: 2_000, onset: 0.01, into: &x, sampleRate: 48_000, seed: 4)
        var rng = SeededRandom(seed: 9)
        for i in 4_800..<x.count {
            let burst: Float = (i / 960) % 2 == 0 ? 0.06 : 0.02
            x[i] += burst * Float(rng.unit() * 2 - 1)
        }
        let slices = StepSlicer().slices(of: x, sampleRate: 48_000)
        #expect(slices.count == 1)
        #expect(slices.first?.lowerBound ?? 1_000 <= 480)
    }

    @Test func silence_gives_no_slice() {
        #expect(StepSlicer().slices(of: [Float](repeating: 0, count: 4_800), sampleRate: 48_000).isEmpty)
        #expect(StepSlicer().slices(of: [], sampleRate: 48_000).isEmpty)
    }

    @Test func installed_recordings_each_give_at_least_one_step_of_plausible_length() throws {
        guard let directory = InstalledRecordings.directory else { return }
        let library = try RecordingLibrary(directory: directory)
        let state = RecordedState()
        var total = 0
        for recording in library.recordings {
            let slices = try state.locked {
                try $0.slices(of: [recording], sampleRate: 48_000, slicer: StepSlicer())
            }
            #expect(!slices.isEmpty, "\(recording.file) gave no step")
            for slice in slices {
                let seconds = Double(slice.samples.count) / 48_000
                #expect(seconds >= 0.1 && seconds <= 0.9, "\(recording.file): a \(seconds) s slice")
            }
            total += slices.count
        }
        // The water recordings hold several splashes each: more steps than files.
        #expect(total > library.recordings.count)
    }
}
