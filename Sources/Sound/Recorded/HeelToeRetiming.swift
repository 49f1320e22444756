import Foundation

/// Brings a recorded step's toe (ball) contact closer to its heel for a faster step: a recording holds one pace,
/// and at a run's 0.3 s steps a walk's 120 ms heel→toe gap would sound like a limp. The heel and everything up to
/// the quiet moment before the toe stay; the toe part moves earlier, the heel's tail fading under it.
///
/// The gap shrinks in proportion to the step interval below a walk's (`referenceInterval`), to at most half;
/// slower steps keep the recorded gap (stretching would need sound the recording does not have).
struct HeelToeRetiming {
    /// A normal walk's step interval (about 110 steps a minute), the pace the recordings are taken to hold.
    static let referenceInterval = 0.5
    static let smallestFactor = 0.5
    /// The toe is looked for this long after the heel peak.
    static let toeSearch = 0.035...0.25
    /// How far the toe's level rises above the dip before it, and how far below the heel it may be.
    static let toeRiseDB = 6.0
    static let toeBelowHeelDB = 24.0
    static let window = 0.005
    static let hop = 0.001

    /// A step's heel peak, toe peak and the quietest moment between them, in samples.
    struct Contacts: Equatable {
        var heel: Int
        var split: Int
        var toe: Int
    }

    /// The heel (the loudest moment in the first 80 ms) and a toe contact after it, when the step has one.
    static func contacts(in samples: [Float], sampleRate: Int) -> Contacts? {
        let rate = Double(sampleRate)
        let windowLength = max(1, Int(window * rate))
        let hopLength = max(1, Int(hop * rate))
        let levels = StepSlicer.levels(samples, window: windowLength, hop: hopLength)
        let frames = levels.count
        let heelEnd = min(frames, Int(0.08 / hop))
        guard heelEnd > 0 else { return nil }
        let heel = (0..<heelEnd).max { levels[$0] < levels[$1] } ?? 0
        let lo = heel + Int(toeSearch.lowerBound / hop)
        let hi = min(frames, heel + Int(toeSearch.upperBound / hop))
        guard lo < hi, let toe = (lo..<hi).max(by: { levels[$0] < levels[$1] }) else { return nil }
        guard let split = ((heel + 1)..<toe).min(by: { levels[$0] < levels[$1] }) else { return nil }
        guard levels[toe] - levels[split] >= toeRiseDB, levels[toe] >= levels[heel] - toeBelowHeelDB else {
            return nil
        }
        let centre = windowLength / 2
        return Contacts(
            heel: heel * hopLength + centre, split: split * hopLength + centre, toe: toe * hopLength + centre)
    }

    /// How much of the recorded gap a step `interval` seconds long keeps (1 for a walk or slower).
    static func factor(stepInterval interval: Double?) -> Double {
        guard let interval else { return 1 }
        return min(1, max(smallestFactor, interval / referenceInterval))
    }

    /// `samples` with the toe contact moved so the heel→toe gap is `factor` of what it was.
    static func apply(_ samples: [Float], factor: Double, sampleRate: Int) -> [Float] {
        guard factor < 1, let c = contacts(in: samples, sampleRate: sampleRate) else { return samples }
        let shift = Int((Double(c.toe - c.heel) * (1 - factor)).rounded())
        // Below 2 ms nobody hears the difference, and the crossfade would be too short to be clean.
        guard shift >= sampleRate / 500, shift < c.split - c.heel else { return samples }
        var out = [Float](repeating: 0, count: samples.count - shift)
        let fadeStart = c.split - shift
        for i in 0..<c.split {
            var gain: Float = 1
            if i >= fadeStart { gain = Float(0.5 + 0.5 * cos(Double.pi * Double(i - fadeStart) / Double(shift))) }
            out[i] += samples[i] * gain
        }
        let fadeIn = max(1, sampleRate / 1_000)
        for j in 0..<(samples.count - c.split) {
            let gain: Float = j < fadeIn ? Float(j) / Float(fadeIn) : 1
            out[fadeStart + j] += samples[c.split + j] * gain
        }
        return out
    }
}
