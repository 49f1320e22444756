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

    public func normalize(_ audio: AudioBuffer) throws -> Result {
        let before = try LoudnessMeter.measure(audio)
        guard let measured = before.integrated else {
            logger.debug("mix is silent (everything gated out): no loudness normalization")
            return Result(audio: audio, measurement: before, gain: 0, limiterReduction: 0)
        }
        var gain = target - measured
        // Never ask the limiter for more than `maxReduction`: past that the steps lose their attack.
        let maxGain = before.truePeak.map { self.limiter.ceiling - $0 + maxReduction } ?? gain
        gain = min(gain, maxGain)
        var limiter = self.limiter
        var limited = limiter.process(audio, preGain: gain)
        var after = try LoudnessMeter.measure(limited.audio)
        // Loudness gained per dB of gain shrinks as the limiter works harder; the secant of the last two passes
        // estimates it, so the next gain lands nearer the target than adding the shortfall would.
        var previous: (gain: Double, loudness: Double) = (0, measured)
        for _ in 0..<retries {
            if let peak = after.truePeak, peak > limiter.ceiling {
                // libebur128's interpolator reads a little higher than ours here: widen the margin and redo.
                limiter.margin += peak - limiter.ceiling + 0.02
            } else if let reached = after.integrated, abs(target - reached) > tolerance {
                logger.debug("limited mix is \(reached - target) LU off target; adjusting the gain, limiting again")
                let slope = gain != previous.gain ? (reached - previous.loudness) / (gain - previous.gain) : 1
                previous = (gain, reached)
                gain = min(gain + (target - reached) / min(max(slope, 0.25), 1), maxGain)
                if gain == previous.gain { break }
            } else {
                break
            }
            limited = limiter.process(audio, preGain: gain)
            after = try LoudnessMeter.measure(limited.audio)
        }
        if let peak = after.truePeak, peak > limiter.ceiling {
            let trim = limiter.ceiling - peak - 0.01
            logger.debug("true peak \(peak) dBTP still above the ceiling; trimming \(trim) dB")
            limited.audio = Self.scaled(limited.audio, by: trim)
            gain += trim
            after = try LoudnessMeter.measure(limited.audio)
        }
        if let reached = after.integrated, target - reached > 0.5 {
            logger.warning(
                "the footsteps reach \(reached) LUFS, not the \(target) LUFS target: they are too peaky to get louder under \(limiter.ceiling) dBTP without crushing them; choose a lower --loudness target"
            )
        }
        return Result(audio: limited.audio, measurement: after, gain: gain, limiterReduction: limited.maxReduction)
    }

    static func scaled(_ audio: AudioBuffer, by decibels: Double) -> AudioBuffer {
        let g = Float(SpatialLaw.linear(decibels))
        guard g != 1 else { return audio }
        var out = audio
        for c in 0..<out.channelCount {
            for i in 0..<out.frameCount { out.channels[c][i] *= g }
        }
        return out
    }
}
