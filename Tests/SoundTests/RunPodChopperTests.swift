import FootfallCore
import Foundation
import Testing

@testable import Sound

@Suite("Quiet-zone chopping and clip checks")
struct RunPodChopperTests {
    @Test(arguments: [Float(0.0005), 0.01])
    func findsEveryStepWithItsTransient(noiseFloor: Float) throws {
        let clip = SyntheticSteps.clip(steps: 7, noiseFloor: noiseFloor, sampleRate: 48_000, stereo: false)
        let mono = clip.audio.channels[0]

        let slices = QuietZoneChopper().slices(of: mono, sampleRate: 48_000)

        try #require(slices.count == clip.impacts.count)
        for (slice, impact) in zip(slices, clip.impacts) {
            let transient = slice.range.lowerBound + slice.sound.transientIndex
            // Within 10 ms of the synthesized heel impact (the attack is 2 ms, the envelope hop 2.5 ms).
            #expect(abs(transient - impact) < 480, "transient \(transient) vs impact \(impact)")
            #expect(slice.range.contains(impact + 3_360))  // the toe slap 70 ms later stays in the same step
        }
        for (a, b) in zip(slices, slices.dropFirst()) { #expect(a.range.upperBound <= b.range.lowerBound) }
    }

    @Test func cutsMakeNoClicks() {
        // Steps close together over a loud noise floor: the cut points are far from silent.
        let clip = SyntheticSteps.clip(steps: 6, spacing: 0.3, noiseFloor: 0.02, sampleRate: 48_000, stereo: false)
        let slices = QuietZoneChopper().slices(of: clip.audio.channels[0], sampleRate: 48_000)
        #expect(slices.count == 6)
        // A slice starts and ends at zero and eases in and out: placed into silence it cannot click. The noise floor
        // itself jumps by up to 0.04 per sample, so the first and last 16 samples show whether the fades work.
        let threshold: Float = 0.01
        for slice in slices {
            let x = slice.sound.audio.channels[0]
            #expect(abs(x[0]) <= 0.001 && abs(x[x.count - 1]) <= 0.001)
            let edge = 16
            let head = zip(x.prefix(edge), x.prefix(edge).dropFirst()).map { abs($1 - $0) }.max() ?? 0
            let tail = zip(x.suffix(edge), x.suffix(edge).dropFirst()).map { abs($1 - $0) }.max() ?? 0
            #expect(head <= threshold && tail <= threshold, "head jump \(head), tail jump \(tail)")
        }
        // The cuts are in the quiet between steps: 20 dB under the steps' peaks.
        let source = clip.audio.channels[0]
        for (a, b) in zip(slices, slices.dropFirst()) where a.range.upperBound == b.range.lowerBound {
            let cut = a.range.upperBound
            let around = source[max(0, cut - 240)..<min(source.count, cut + 240)]
            let rms = (around.map { $0 * $0 }.reduce(0, +) / Float(around.count)).squareRoot()
            #expect(rms < 0.06, "cut at \(cut) has RMS \(rms)")
        }
    }

    @Test func silenceGivesNoSlices() {
        #expect(QuietZoneChopper().slices(of: [Float](repeating: 0, count: 48_000), sampleRate: 48_000).isEmpty)
    }

    @Test func qualityCheckAcceptsStepsAndRejectsBadClips() {
        let check = ClipQualityCheck()
        let steps = SyntheticSteps.clip(steps: 5, sampleRate: 48_000, stereo: false).audio.channels[0]
        #expect(check.problem(in: steps, sampleRate: 48_000) == nil)

        #expect(check.problem(in: Array(steps.prefix(4_800)), sampleRate: 48_000)?.hasPrefix("too short") == true)
        #expect(
            check.problem(in: SyntheticSteps.silent(sampleRate: 48_000).channels[0], sampleRate: 48_000)?
                .hasPrefix("silent") == true)
        let clipped = steps.map { max(-1, min(1, $0 * 40)) }
        #expect(check.problem(in: clipped, sampleRate: 48_000)?.hasPrefix("clipped") == true)
        var rng = SeededRandom(seed: 4)
        let noise = (0..<96_000).map { _ in Float(rng.gaussian() * 0.1) }
        let verdict = check.problem(in: noise, sampleRate: 48_000) ?? ""
        #expect(verdict.hasPrefix("noise") || verdict.hasPrefix("steady"), "\(verdict)")
    }

    @Test func dealtCopiesVaryButKeepTheirTransient() {
        let clip = SyntheticSteps.clip(steps: 3, sampleRate: 48_000, stereo: false)
        let steps = QuietZoneChopper().slices(of: clip.audio.channels[0], sampleRate: 48_000).map(\.sound)
        let backend = RunPodBackend(config: RunPodConfig(), fallback: nil)
        let requests = RunPodScenario.requests(7)

        let dealt = backend.deal(steps, to: requests, seed: 1)

        #expect(dealt.count == 7)
        for sound in dealt {
            let x = sound.audio.channels[0]
            let loudest = x.indices.max { abs(x[$0]) < abs(x[$1]) } ?? -1
            #expect(abs(loudest - sound.transientIndex) < 480)  // within 10 ms after resampling
        }
        #expect(backend.deal(steps, to: requests, seed: 1) == dealt)
    }
}
