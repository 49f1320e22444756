import FootfallCore
import Foundation

/// Look-ahead true-peak limiter. The signal is known ahead (offline), so the gain each sample needs (from
/// 4×-oversampled peaks) is held, then smoothed with a window no wider than the hold, so the smoothed gain never
/// exceeds what any sample needs — no overshoot, no hard clipping, no delay. A long track is processed a block at a
/// time: each block reads a little context on both sides, and the release carries over.
public struct TruePeakLimiter: Sendable {
    public struct Result: Sendable {
        public var audio: AudioBuffer
        /// Largest gain reduction in dB (positive), 0 if the limiter never acted.
        public var maxReduction: Double
    }

    /// Ceiling in dBTP.
    public var ceiling: Double
    /// Attack ramp (look-ahead) in seconds.
    public var lookAhead: Double
    /// How long the reduced gain holds after a peak before releasing, in seconds.
    public var hold: Double
    /// Release time constant in seconds.
    public var release: Double
    /// Safety below the ceiling in dB, for the difference between this detector and a meter's.
    public var margin: Double

    public init(
        ceiling: Double = -1, lookAhead: Double = 0.0015, hold: Double = 0.002, release: Double = 0.025,
        margin: Double = 0.1
    ) {
        self.ceiling = ceiling
        self.lookAhead = lookAhead
        self.hold = hold
        self.release = release
        self.margin = margin
    }

    /// - Parameter preGain: gain in dB applied before limiting, folded into the one pass over the samples (so the
    ///   caller need not make a scaled copy of a long track).
    public func process(_ input: AudioBuffer, preGain: Double = 0) -> Result {
        var planes = [[Float]](repeating: [], count: input.channelCount)
        // An in-memory source never throws.
        let reduction =
            (try? process(input, preGain: preGain) { block in
                for c in planes.indices { planes[c] += block[c] }
            }) ?? 0
        guard input.frameCount > 0 else { return Result(audio: input, maxReduction: 0) }
        return Result(audio: AudioBuffer(sampleRate: input.sampleRate, channels: planes), maxReduction: reduction)
    }

    /// Limits `input` into consecutive blocks handed to `sink`; returns the largest gain reduction in dB.
    public func process(
        _ input: any AudioBlockSource, preGain: Double = 0, blockFrames: Int = AudioBlock.defaultFrames,
        into sink: (_ block: [[Float]]) throws -> Void
    ) throws -> Double {
        let frames = input.frameCount
        guard frames > 0, input.channelCount > 0 else { return 0 }
        let pre = Float(SpatialLaw.linear(preGain))
        // Peaks are found on the input; the limit is moved by the pre-gain instead of scaling the signal.
        let limit = Float(SpatialLaw.linear(ceiling - max(margin, 0))) / pre
        let rate = Double(input.sampleRate)
        let attack = max(1, Int((lookAhead * rate).rounded()))
        let after = attack + max(0, Int((hold * rate).rounded()))
        let pad = after + attack + 1
        let context = pad + TruePeakDetector.halfTaps
        let detector = TruePeakDetector()
        let releaseCoefficient = Float(1 - exp(-1 / max(release * rate, 1)))
        var g: Float = 1
        var minGain: Float = 1
        var start = 0
        while start < frames {
            let end = min(frames, start + max(1, blockFrames))
            let n = end - start
            let extended = try input.read((start - context)..<(end + context))
            var env = detector.envelope(AudioBuffer(sampleRate: input.sampleRate, channels: extended), threshold: limit)
            // Outside the track there is nothing to limit, however the interpolator rings there.
            for k in 0..<env.count where start - context + k < 0 || start - context + k >= frames { env[k] = 0 }
            let window = Array(env[(context - pad)..<(context + n + pad)])
            var block = extended.map { Array($0[context..<(context + n)]) }
            if g < 1 || (window.max() ?? 0) > limit {
                let gain = gainCurve(
                    env: window, pad: pad, limit: limit, attack: attack, after: after,
                    releaseCoefficient: releaseCoefficient, gain: &g)
                minGain = min(minGain, gain.min() ?? 1)
                for c in block.indices { for i in 0..<n { block[c][i] *= pre * gain[i] } }
            } else if pre != 1 {
                for c in block.indices { for i in 0..<n { block[c][i] *= pre } }
            }
            try sink(block)
            start = end
        }
        return -SpatialLaw.decibels(Double(minGain))
    }

    /// Gains for the `env.count − 2·pad` samples in the middle of `env` (which has `pad` samples of context on
    /// each side): needed[n] = gain that brings sample n to the limit; held over [n − after, n + attack] (sliding
    /// minimum), averaged over [n − attack, n + attack] ⊆ that window, then released slowly from `gain`, which
    /// carries the release from one block to the next. Each step keeps gain ≤ needed.
    func gainCurve(
        env: [Float], pad: Int, limit: Float, attack: Int, after: Int, releaseCoefficient: Float, gain g: inout Float
    ) -> [Float] {
        let n = env.count - 2 * pad
        var needed = [Float](repeating: 1, count: env.count)
        for i in env.indices where env[i] > limit { needed[i] = limit / env[i] }
        let held = Self.slidingMinimum(needed, before: after, ahead: attack)

        // Box average of width 2·attack + 1, in Double so the running sum does not drift.
        let width = 2 * attack + 1
        var sum = 0.0
        for k in (pad - attack)...(pad + attack) { sum += Double(held[k]) }
        var out = [Float](repeating: 1, count: max(n, 0))
        for i in 0..<max(n, 0) {
            let centre = i + pad
            // min() guards against rounding in the average lifting the gain a hair above what the sample needs.
            let target = min(Float(sum / Double(width)), needed[centre])
            sum += Double(held[centre + attack + 1]) - Double(held[centre - attack])
            g = target < g ? target : g + (target - g) * releaseCoefficient
            out[i] = g
        }
        return out
    }

    /// out[i] = min(x[i − before ... i + ahead]) with a monotonic queue (O(n)).
    static func slidingMinimum(_ x: [Float], before: Int, ahead: Int) -> [Float] {
        let n = x.count
        var out = [Float](repeating: 1, count: n)
        var queue = [Int]()
        queue.reserveCapacity(before + ahead + 2)
        var head = 0
        var next = 0
        for i in 0..<n {
            while next < n, next <= i + ahead {
                while queue.count > head, x[queue[queue.count - 1]] >= x[next] { queue.removeLast() }
                queue.append(next)
                next += 1
            }
            while queue[head] < i - before { head += 1 }
            out[i] = x[queue[head]]
            if head > 4096 {
                queue.removeFirst(head)
                head = 0
            }
        }
        return out
    }
}
