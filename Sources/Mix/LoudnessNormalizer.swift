import FootfallCore
import Logging

/// Brings a mix to a loudness target, then keeps its true peak under the ceiling.
///
/// Footsteps are sparse and peaky: the integrated loudness (which gates out the silence between steps) can need
/// peaks above the ceiling, so the limiter may pull the loudness down; when it does by more than `tolerance`, the
/// gain is raised by the shortfall and the limiter runs again (a few times at most: once is often not enough for
/// very peaky steps). Every pass is checked with libebur128's true peak; if its meter reads above the ceiling the
/// limiter's margin grows and it runs again, and a last trim guarantees the ceiling.
public struct LoudnessNormalizer: Sendable {
    public struct Result: Sendable {
        public var audio: AudioBuffer
        public var measurement: LoudnessMeter.Measurement
        /// Gain applied before the limiter, in dB.
        public var gain: Double
        public var limiterReduction: Double
    }

    public var target: Double
    public var limiter: TruePeakLimiter
    public var tolerance: Double
    /// Most gain reduction the limiter may apply to reach the target, in dB.
    public var maxReduction: Double
    /// Further limiter passes when the limiter pulled the loudness under the target by more than `tolerance`.
    public var retries: Int
    private let logger = Logger(label: "footfall.mix")

    public init(
        target: Double = LoudnessTarget.ebuR128.lufs, ceiling: Double = -1, tolerance: Double = 0.3, retries: Int = 4,
        maxReduction: Double = 12
    ) {
        self.maxReduction = maxReduction
        self.target = target
        self.limiter = TruePeakLimiter(ceiling: ceiling)
        self.tolerance = tolerance
        self.retries = retries
    }

    /// Where a pass writes the limited track: `begin()` before each pass (a pass rewrites it whole).
    public struct Sink {
        public var begin: () throws -> Void
        public var append: (_ block: [[Float]]) throws -> Void
    }

    public struct Outcome: Sendable {
        public var measurement: LoudnessMeter.Measurement
        public var gain: Double
        public var limiterReduction: Double
    }

    /// In memory, for short tracks and tests.
    public func normalize(_ audio: AudioBuffer) throws -> Result {
        var planes: [[Float]] = []
        let sink = Sink(
            begin: { planes = [[Float]](repeating: [], count: audio.channelCount) },
            append: { block in for c in planes.indices { planes[c] += block[c] } })
        let outcome = try normalize(audio, into: sink)
        // Nothing written: the track was silent and stays as it is.
        let result = planes.isEmpty ? audio : AudioBuffer(sampleRate: audio.sampleRate, channels: planes)
        return Result(
            audio: result, measurement: outcome.measurement, gain: outcome.gain,
            limiterReduction: outcome.limiterReduction)
    }

    /// Reads `audio` a block at a time, once per pass, and writes the normalized, limited track into `sink`.
    /// A silent track (everything gated out) is left alone and nothing is written.
    public func normalize(_ audio: any AudioBlockSource, into sink: Sink) throws -> Outcome {
        let before = try LoudnessMeter.measure(audio)
        guard let measured = before.integrated else {
            logger.debug("mix is silent (everything gated out): no loudness normalization")
            return Outcome(measurement: before, gain: 0, limiterReduction: 0)
        }
        var gain = target - measured
        // Never ask the limiter for more than `maxReduction`: past that the steps lose their attack.
        let maxGain = before.truePeak.map { self.limiter.ceiling - $0 + maxReduction } ?? gain
        gain = min(gain, maxGain)
        var limiter = self.limiter
        var pass = try Self.pass(audio, limiter: limiter, gain: gain, into: sink)
        // Loudness gained per dB of gain shrinks as the limiter works harder; the secant of the last two passes
        // estimates it, so the next gain lands nearer the target than adding the shortfall would.
        var previous: (gain: Double, loudness: Double) = (0, measured)
        for _ in 0..<retries {
            if let peak = pass.measurement.truePeak, peak > limiter.ceiling {
                // libebur128's interpolator reads a little higher than ours here: widen the margin and redo.
                limiter.margin += peak - limiter.ceiling + 0.02
            } else if let reached = pass.measurement.integrated, abs(target - reached) > tolerance {
                logger.debug("limited mix is \(reached - target) LU off target; adjusting the gain, limiting again")
                let slope = gain != previous.gain ? (reached - previous.loudness) / (gain - previous.gain) : 1
                previous = (gain, reached)
                gain = min(gain + (target - reached) / min(max(slope, 0.25), 1), maxGain)
                if gain == previous.gain { break }
            } else {
                break
            }
            pass = try Self.pass(audio, limiter: limiter, gain: gain, into: sink)
        }
        if let peak = pass.measurement.truePeak, peak > limiter.ceiling {
            let trim = limiter.ceiling - peak - 0.01
            logger.debug("true peak \(peak) dBTP still above the ceiling; trimming \(trim) dB")
            pass = try Self.pass(audio, limiter: limiter, gain: gain, trim: trim, into: sink)
            gain += trim
        }
        if let reached = pass.measurement.integrated, target - reached > 0.5 {
            logger.warning(
                "the footsteps reach \(reached) LUFS, not the \(target) LUFS target: they are too peaky to get louder under \(limiter.ceiling) dBTP without crushing them; choose a lower --loudness target"
            )
        }
        return Outcome(measurement: pass.measurement, gain: gain, limiterReduction: pass.reduction)
    }

    /// One limiter pass over the whole track into the sink, measured as it is written. `trim` scales the limited
    /// output (the last resort when the meter still reads above the ceiling).
    private static func pass(
        _ audio: any AudioBlockSource, limiter: TruePeakLimiter, gain: Double, trim: Double = 0, into sink: Sink
    ) throws -> (measurement: LoudnessMeter.Measurement, reduction: Double) {
        try sink.begin()
        let meter = try LoudnessAccumulator(
            channels: audio.channelCount, sampleRate: audio.sampleRate, mode: LoudnessMeter.integratedMode)
        let post = Float(SpatialLaw.linear(trim))
        let reduction = try limiter.process(audio, preGain: gain) { block in
            var out = block
            if post != 1 { for c in out.indices { for i in out[c].indices { out[c][i] *= post } } }
            try meter.add(out)
            try sink.append(out)
        }
        return (meter.measurement, reduction)
    }
}
