import Foundation

/// One footstep cut from a recording: mono samples at the rate it was decoded at.
struct RecordedSlice: Sendable {
    /// Fade-out at the end of every slice. A step that decayed on its own is already quiet there; one cut at the
    /// next step or at the length cap (a wading recording goes on and on) would otherwise stop dead.
    static let fadeOutSeconds = 0.04

    var recording: Recording
    var samples: [Float]

    init(recording: Recording, samples: [Float], sampleRate: Int) {
        self.recording = recording
        var faded = samples
        let fade = min(faded.count / 10, Int(Self.fadeOutSeconds * Double(sampleRate)))
        for i in 0..<fade {
            let gain = 0.5 + 0.5 * cos(Double.pi * Double(i + 1) / Double(fade))
            faded[faded.count - fade + i] *= Float(gain)
        }
        self.samples = faded
    }
}
