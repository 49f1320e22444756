import CEbur128
import FootfallCore
import Foundation
import Sound

@testable import Mix

/// Footstep-like test sounds with a known transient: a soft rise, one sample at full scale, a decaying ring
/// that never exceeds `tail` of the peak.
enum TestSounds {
    static func click(length: Int = 4_800, transient: Int = 240, tail: Float = 0.3, seed: UInt64 = 1)
        -> FootstepSound
    {
        var rng = SeededRandom(seed: seed)
        var x = [Float](repeating: 0, count: length)
        for i in 0..<transient {
            x[i] = Float(rng.uniform(-1...1)) * 0.05 * Float(i) / Float(max(transient, 1))
        }
        x[transient] = 1
        for i in (transient + 1)..<length {
            let t = Float(i - transient) / 48_000
            let ring = sin(2 * Float.pi * 900 * t) * 0.7 + Float(rng.uniform(-1...1)) * 0.3
            x[i] = tail * exp(-t * 60) * ring
        }
        return FootstepSound(audio: AudioBuffer(channels: [x]), transientIndex: transient)
    }

    /// A more footstep-like sound (heel thump plus scuffing noise, ~150 ms) whose largest sample is still exactly
    /// at `transient`, with a realistic peak-to-loudness ratio for the loudness tests.
    static func step(length: Int = 7_200, transient: Int = 96, seed: UInt64 = 1) -> FootstepSound {
        var rng = SeededRandom(seed: seed)
        var x = [Float](repeating: 0, count: length)
        for i in 0..<length {
            let t = Float(i - transient) / 48_000
            let envelope = t < 0 ? Float(i) / Float(transient) : exp(-t / 0.035)
            let thump = sin(2 * Float.pi * 95 * max(t, 0)) * exp(-max(t, 0) / 0.05)
            x[i] = envelope * (0.5 * Float(rng.uniform(-1...1)) + 0.4 * thump)
        }
        let others = x.enumerated().filter { $0.offset != transient }.map { abs($0.element) }.max() ?? 1
        for i in 0..<length { x[i] *= 0.9 / others }
        x[transient] = 1
        return FootstepSound(audio: AudioBuffer(channels: [x]), transientIndex: transient)
    }

    /// Irregular step times, like a variable-frame-rate clip: gaps between `minGap` and `maxGap` seconds at times
    /// that are not on any frame or sample grid.
    static func irregularTimes(
        count: Int, start: Double = 0.05, minGap: Double = 0.04, maxGap: Double = 0.6, seed: UInt64
    )
        -> [Double]
    {
        var rng = SeededRandom(seed: seed)
        var t = start
        return (0..<count).map { _ in
            defer { t += rng.uniform(minGap...maxGap) + 1.0 / 7919 }
            return t
        }
    }

    static func plan(
        times: [Double], walkers: Int = 1, duration: Double, scene: SceneKind = .outdoor,
        pan: (Int) -> Double = { _ in 0 }, gain: (Int) -> Double = { _ in 1 }
    ) -> FootstepPlan {
        let steps = times.enumerated().map { i, t in
            PlannedStep(
                step: StepEvent(
                    time: t, frame: Int(t * 30), walker: i % walkers, foot: (i / walkers) % 2 == 0 ? .left : .right,
                    confidence: 1),
                gain: gain(i), pan: pan(i), distanceDamping: 0, surface: "concrete", seed: UInt64(i))
        }
        return FootstepPlan(steps: steps, duration: duration, scene: scene)
    }

    /// libebur128 measured directly (not through the module's wrapper): integrated LUFS and true peak dBTP.
    static func ebur128(_ audio: AudioBuffer) -> (lufs: Double, truePeak: Double) {
        let ch = audio.channelCount
        let mode = Int32(EBUR128_MODE_I.rawValue | EBUR128_MODE_TRUE_PEAK.rawValue)
        var st = ebur128_init(UInt32(ch), UInt(audio.sampleRate), mode)
        defer { ebur128_destroy(&st) }
        var interleaved = [Float](repeating: 0, count: audio.frameCount * ch)
        for c in 0..<ch { for i in 0..<audio.frameCount { interleaved[i * ch + c] = audio.channels[c][i] } }
        _ = ebur128_add_frames_float(st, interleaved, audio.frameCount)
        var lufs = 0.0
        _ = ebur128_loudness_global(st, &lufs)
        var peak = 0.0
        for c in 0..<ch {
            var p = 0.0
            _ = ebur128_true_peak(st, UInt32(c), &p)
            peak = max(peak, p)
        }
        return (lufs, 20 * log10(peak))
    }
}
