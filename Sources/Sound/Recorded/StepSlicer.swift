import Foundation

/// Cuts a recording into single footsteps at its transients.
///
/// Most game and library recordings hold one step; some hold a few (a splash, then another). A new step starts
/// where the level jumps (9 dB above the quietest of the 30 ms before) to near the loudest of the file (within
/// 6 dB, so the crackle inside one crunch does not count), at least 0.25 s after the previous step (faster than
/// a sprint's steps of one foot and the other) and with 0.12 s of sound left. The first step starts where the
/// file first comes within 30 dB of its loudest.
public struct StepSlicer: Sendable {
    public var window = 0.010
    public var hop = 0.0025
    public var riseDB = 9.0
    public var riseLookBack = 0.030
    public var peakLookAhead = 0.050
    public var nearLoudestDB = 6.0
    public var firstAudibleDB = 30.0
    public var minimumGap = 0.25
    public var minimumTail = 0.12
    /// Kept before each cut so an attack is never split.
    public var preRoll = 0.005
    /// Longest slice kept: a step in water splashes for about half a second; a wading recording that goes on
    /// without a clear new step is cut here (and faded) rather than played as one long step.
    public var maximumLength = 0.9

    public init() {}

    /// The slices of `samples` (mono at `sampleRate`), in order; empty for silence.
    public func slices(of samples: [Float], sampleRate: Int) -> [Range<Int>] {
        let rate = Double(sampleRate)
        let windowLength = max(1, Int(window * rate))
        let hopLength = max(1, Int(hop * rate))
        let levels = Self.levels(samples, window: windowLength, hop: hopLength)
        guard let loudest = levels.max(), loudest > -200 else { return [] }
        let frames = levels.count
        let back = max(1, Int((riseLookBack / hop).rounded()))
        let ahead = max(1, Int((peakLookAhead / hop).rounded()))
        let gapFrames = Int((minimumGap / hop).rounded())
        let tailFrames = Int((minimumTail / hop).rounded())

        guard let first = levels.firstIndex(where: { $0 >= loudest - firstAudibleDB }) else { return [] }
        var onsets = [first]
        var i = first + 1
        while i < frames - tailFrames {
            defer { i += 1 }
            guard i - onsets[onsets.count - 1] >= gapFrames else { continue }
            let quietest = levels[max(0, i - back)..<i].min() ?? levels[i]
            guard levels[i] - quietest >= riseDB else { continue }
            let peak = levels[i..<min(frames, i + ahead)].max() ?? levels[i]
            guard peak >= loudest - nearLoudestDB else { continue }
            onsets.append(i)
        }

        let pre = Int(preRoll * rate)
        let longest = Int(maximumLength * rate)
        let starts = onsets.map { max(0, $0 * hopLength - pre) }
        return starts.indices.map { k in
            let end = k + 1 < starts.count ? starts[k + 1] : samples.count
            return starts[k]..<min(end, starts[k] + longest)
        }
    }

    /// Mean power in dB of each `window`-sample frame, every `hop` samples.
    static func levels(_ samples: [Float], window: Int, hop: Int) -> [Double] {
        guard !samples.isEmpty else { return [] }
        var prefix = [Double](repeating: 0, count: samples.count + 1)
        for (i, s) in samples.enumerated() { prefix[i + 1] = prefix[i] + Double(s) * Double(s) }
        let frames = max(1, (samples.count - window) / hop + 1)
        return (0..<frames).map { f in
            let lo = f * hop
            let hi = min(samples.count, lo + window)
            let power = (prefix[hi] - prefix[lo]) / Double(max(1, hi - lo))
            return 10 * log10(max(power, 1e-24))
        }
    }
}
