import FootfallCore

/// Finds where a footstep's transient (the heel impact) peaks, so the mixer can put that sample on the step time.
///
/// The envelope is a centred moving average of the absolute signal (max over channels): centred so it has no lag,
/// averaged so a single spiky sample in noise does not win over the impact's body.
public enum TransientFinder {
    /// Envelope smoothing window in seconds.
    public static let defaultWindow = 0.001
    /// How long after the onset the transient may peak.
    public static let defaultAttack = 0.05
    /// Onset = first envelope value above this fraction of the envelope maximum (−20 dB).
    public static let onsetFraction: Float = 0.1

    /// Centred moving average of |x| (max over channels) over `window` seconds.
    public static func envelope(_ audio: AudioBuffer, window: Double = defaultWindow) -> [Float] {
        let n = audio.frameCount
        guard n > 0 else { return [] }
        var rectified = [Float](repeating: 0, count: n)
        for channel in audio.channels {
            for i in 0..<n { rectified[i] = max(rectified[i], abs(channel[i])) }
        }
        let half = max(0, Int((window * Double(audio.sampleRate) / 2).rounded()))
        guard half > 0 else { return rectified }
        // Prefix sums in Double so long files do not lose precision.
        var prefix = [Double](repeating: 0, count: n + 1)
        for i in 0..<n { prefix[i + 1] = prefix[i] + Double(rectified[i]) }
        var env = [Float](repeating: 0, count: n)
        for i in 0..<n {
            let lo = max(0, i - half)
            let hi = min(n, i + half + 1)
            env[i] = Float((prefix[hi] - prefix[lo]) / Double(hi - lo))
        }
        return env
    }

    /// Index of the envelope maximum within `range` (clamped to the audio); 0 for silence or an empty range.
    public static func peak(in envelope: [Float], range: Range<Int>? = nil) -> Int {
        let r = (range ?? 0..<envelope.count).clamped(to: 0..<envelope.count)
        guard !r.isEmpty else { return 0 }
        var best = r.lowerBound
        for i in r where envelope[i] > envelope[best] { best = i }
        return best
    }

    /// First index whose envelope reaches `onsetFraction` of the maximum, or nil for silence.
    public static func onset(in envelope: [Float]) -> Int? {
        guard let maxValue = envelope.max(), maxValue > 0 else { return nil }
        let threshold = maxValue * onsetFraction
        return envelope.firstIndex { $0 >= threshold }
    }

    /// The transient of a single footstep recording: the envelope maximum within `attack` seconds after the onset.
    public static func transientIndex(
        in audio: AudioBuffer, attack: Double = defaultAttack, window: Double = defaultWindow
    ) -> Int {
        let env = envelope(audio, window: window)
        guard let start = onset(in: env) else { return 0 }
        let end = start + max(1, Int(attack * Double(audio.sampleRate)))
        return peak(in: env, range: start..<end)
    }
}
