import FootfallCore
import Foundation

/// Look-ahead true-peak limiter. The whole signal is known (offline), so the gain curve is computed first:
/// the gain each sample needs (from 4×-oversampled peaks) is held, then smoothed with a window no wider than the
/// hold, so the smoothed gain never exceeds what any sample needs — no overshoot, no hard clipping, no delay.
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
        let frames = input.frameCount
        let pre = Float(SpatialLaw.linear(preGain))
        guard frames > 0, input.channelCount > 0 else { return Result(audio: input, maxReduction: 0) }
        // Peaks are found on the input; the limit is moved by the pre-gain instead of scaling the signal.
        let limit = Float(SpatialLaw.linear(ceiling - max(margin, 0))) / pre
        let env = TruePeakDetector().envelope(input, threshold: limit)
        var out = input
        guard let top = env.max(), top > limit else {
            if pre != 1 { for c in 0..<out.channelCount { for i in 0..<frames { out.channels[c][i] *= pre } } }
            return Result(audio: out, maxReduction: 0)
        }

        let rate = Double(input.sampleRate)
        let attack = max(1, Int((lookAhead * rate).rounded()))
        let after = attack + max(0, Int((hold * rate).rounded()))
        let gain = gainCurve(env: env, limit: limit, attack: attack, after: after, releaseSamples: release * rate)

        for c in 0..<out.channelCount {
            for i in 0..<frames { out.channels[c][i] *= pre * gain[i] }
        }
        let minGain = gain.min() ?? 1
        return Result(audio: out, maxReduction: -SpatialLaw.decibels(Double(minGain)))
    }

    /// needed[n] = gain that brings sample n to the limit; held over [n − after, n + attack] (sliding minimum),
    /// averaged over [n − attack, n + attack] ⊆ that window, then released slowly. Each step keeps gain ≤ needed.
    func gainCurve(env: [Float], limit: Float, attack: Int, after: Int, releaseSamples: Double) -> [Float] {
        let n = env.count
        let pad = after + attack + 1
        var needed = [Float](repeating: 1, count: n + 2 * pad)
        for i in 0..<n where env[i] > limit { needed[i + pad] = limit / env[i] }
        let held = Self.slidingMinimum(needed, before: after, ahead: attack)

        // Box average of width 2·attack + 1, in Double so the running sum does not drift.
        let width = 2 * attack + 1
        var smooth = [Float](repeating: 1, count: n)
        var sum = 0.0
        for k in (pad - attack)...(pad + attack) { sum += Double(held[k]) }
        for i in 0..<n {
            let centre = i + pad
            smooth[i] = Float(sum / Double(width))
            sum += Double(held[centre + attack + 1]) - Double(held[centre - attack])
        }
        let releaseCoefficient = Float(1 - exp(-1 / max(releaseSamples, 1)))
        var g: Float = 1
        var out = [Float](repeating: 1, count: n)
        for i in 0..<n {
            // min() guards against rounding in the average lifting the gain a hair above what the sample needs.
            let target = min(smooth[i], needed[i + pad])
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
