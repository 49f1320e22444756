import FootfallCore
import Foundation

/// Cuts a clip of several footsteps into single steps.
///
/// Steps are found as peaks of the 10 ms RMS envelope that stand out from the clip (within `gateDB` of its loudest
/// frame) and are separated by a dip of at least `dipDB`. Each cut lies at the envelope minimum between one step's peak
/// and the next step's onset — the quietest place, so the short fades there remove no step and make no click.
/// Each slice's transient index is its envelope peak, refined to the largest sample near it.
public struct QuietZoneChopper: Sendable {
    /// Steps quieter than this below the loudest one are ignored.
    public var gateDB = 30.0
    /// How far the envelope must fall between two peaks for them to be two steps.
    public var dipDB = 8.0
    /// Two peaks closer than this are one step (a heel and its toe slap, ~50–100 ms apart); running is ≥ 0.3 s.
    public var minStepGap = 0.2
    /// Silence kept before a step's onset, and the longest a slice may run after its transient.
    public var preroll = 0.015
    public var maxTail = 1.0
    /// A step's tail ends where the envelope falls this far below its peak.
    public var tailDB = 45.0
    public var fadeIn = 0.002
    public var fadeOut = 0.010
    public var minSliceSeconds = 0.05

    public init() {}

    public struct Slice: Sendable, Equatable {
        /// Where the slice was in the clip.
        public var range: Range<Int>
        public var sound: FootstepSound
    }

    public func slices(of mono: [Float], sampleRate: Int) -> [Slice] {
        let env = RMSEnvelope(mono, sampleRate: sampleRate)
        let peaks = stepPeaks(env, sampleRate: sampleRate)
        guard !peaks.isEmpty else { return [] }
        let onsets = peaks.enumerated().map { k, peak in
            onset(env, peak: peak, floor: k == 0 ? 0 : peaks[k - 1])
        }
        // Cut k separates step k from step k + 1, at the envelope minimum between them.
        var cuts: [Int] = []
        for k in 0..<(peaks.count - 1) {
            let zone = peaks[k]...max(peaks[k], onsets[k + 1])
            let quietest = zone.min { env.values[$0] < env.values[$1] } ?? peaks[k]
            cuts.append(quietestSample(mono, around: env.sample(ofFrame: quietest), hop: env.hop))
        }
        let pre = Int(preroll * Double(sampleRate))
        var result: [Slice] = []
        for k in peaks.indices {
            let lower = k == 0 ? 0 : cuts[k - 1]
            let upper = k == peaks.count - 1 ? mono.count : cuts[k]
            let start = max(lower, env.sample(ofFrame: onsets[k]) - pre)
            let end = min(upper, tailEnd(env, peak: peaks[k], sampleRate: sampleRate, total: mono.count))
            guard end - start >= Int(minSliceSeconds * Double(sampleRate)) else { continue }
            let transient = loudestSample(mono, around: env.sample(ofFrame: peaks[k]), hop: env.hop, in: start..<end)
            var samples = Array(mono[start..<end])
            applyFades(&samples, sampleRate: sampleRate, transient: transient - start)
            let audio = AudioBuffer(sampleRate: sampleRate, channels: [samples])
            result.append(
                Slice(range: start..<end, sound: FootstepSound(audio: audio, transientIndex: transient - start)))
        }
        return result
    }

    /// Envelope frames of the steps' peaks, in time order.
    func stepPeaks(_ env: RMSEnvelope, sampleRate: Int) -> [Int] {
        let v = env.values
        guard let loudest = v.max(), loudest > 1e-6 else { return [] }
        let gate = loudest * Float(pow(10, -gateDB / 20))
        let radius = max(1, Int(minStepGap * Double(sampleRate)) / env.hop / 2)
        // Local maxima over ±radius frames (ties go to the first).
        var candidates: [Int] = []
        for i in v.indices where v[i] >= gate && (i == 0 || v[i] > v[i - 1]) && (i == v.count - 1 || v[i] >= v[i + 1]) {
            let lo = max(0, i - radius)
            let hi = min(v.count - 1, i + radius)
            if (lo...hi).allSatisfy({ v[$0] < v[i] || ($0 >= i && v[$0] <= v[i]) }) { candidates.append(i) }
        }
        // Neighbours without a real dip between them are one step: keep the louder.
        let dip = Float(pow(10, -dipDB / 20))
        var peaks: [Int] = []
        for c in candidates {
            guard let last = peaks.last else {
                peaks.append(c)
                continue
            }
            let valley = v[last...c].min() ?? 0
            if valley <= min(v[last], v[c]) * dip, c - last >= 2 * radius {
                peaks.append(c)
            } else if v[c] > v[last] {
                peaks[peaks.count - 1] = c
            }
        }
        return peaks
    }

    /// The frame where the step's attack starts: back from the peak to where the envelope is 20 dB below it.
    private func onset(_ env: RMSEnvelope, peak: Int, floor: Int) -> Int {
        let threshold = env.values[peak] * 0.1
        var i = peak
        while i > floor, env.values[i] > threshold { i -= 1 }
        return i
    }

    /// Where the step has died away (or `maxTail` after its peak), in samples.
    private func tailEnd(_ env: RMSEnvelope, peak: Int, sampleRate: Int, total: Int) -> Int {
        let threshold = env.values[peak] * Float(pow(10, -tailDB / 20))
        let limit = min(env.count - 1, peak + Int(maxTail * Double(sampleRate)) / env.hop)
        var i = peak
        while i < limit, env.values[i] > threshold { i += 1 }
        let margin = Int(fadeOut * Double(sampleRate))
        return min(total, env.sample(ofFrame: i) + margin)
    }

    /// The sample of smallest magnitude within a hop of `centre`, so the cut itself starts near zero.
    private func quietestSample(_ x: [Float], around centre: Int, hop: Int) -> Int {
        let lo = max(0, centre - hop)
        let hi = min(x.count, centre + hop + 1)
        guard lo < hi else { return min(max(0, centre), x.count) }
        return (lo..<hi).min { abs(x[$0]) < abs(x[$1]) } ?? centre
    }

    private func loudestSample(_ x: [Float], around centre: Int, hop: Int, in range: Range<Int>) -> Int {
        let lo = max(range.lowerBound, centre - 2 * hop)
        let hi = min(range.upperBound, centre + 2 * hop + 1)
        guard lo < hi else { return min(max(range.lowerBound, centre), range.upperBound - 1) }
        return (lo..<hi).max { abs(x[$0]) < abs(x[$1]) } ?? centre
    }

    /// Raised-cosine fades at both ends; the fade-in never reaches the transient.
    private func applyFades(_ x: inout [Float], sampleRate: Int, transient: Int) {
        let inLength = min(Int(fadeIn * Double(sampleRate)), max(0, transient), x.count / 2)
        let outLength = min(Int(fadeOut * Double(sampleRate)), x.count / 2)
        for i in 0..<inLength { x[i] *= Float(0.5 - 0.5 * cos(Double.pi * Double(i) / Double(inLength))) }
        for i in 0..<outLength {
            x[x.count - 1 - i] *= Float(0.5 - 0.5 * cos(Double.pi * Double(i) / Double(outLength)))
        }
    }
}
