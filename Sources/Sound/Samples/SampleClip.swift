import FootfallCore
import Foundation

/// Turns a decoded recording into a footstep sound: mono, trimmed around the step, level set, transient found.
enum SampleClip {
    /// Kept before the onset so the attack is whole.
    static let preRoll = 0.005
    /// Longest footstep kept from a recording.
    static let maximumLength = 2.0
    static let fadeLength = 0.01

    static func footstep(from audio: AudioBuffer, gainDB: Double, intensity: Double) -> FootstepSound? {
        let mono = audio.downmixed()
        let buffer = AudioBuffer(sampleRate: audio.sampleRate, channels: [mono])
        let envelope = TransientFinder.envelope(buffer)
        guard let onset = TransientFinder.onset(in: envelope), let maxValue = envelope.max(), maxValue > 0 else {
            return nil
        }
        let rate = Double(audio.sampleRate)
        let start = max(0, onset - Int(preRoll * rate))
        // End where the sound has decayed to −60 dB of its peak (or the length cap).
        let floor = maxValue * 0.001
        let lastAudible = envelope.lastIndex { $0 >= floor } ?? (mono.count - 1)
        let end = min(mono.count, lastAudible + 1, start + Int(maximumLength * rate))
        guard end > start else { return nil }
        var samples = Array(mono[start..<end])
        let fade = min(samples.count, Int(fadeLength * rate))
        for i in 0..<fade { samples[samples.count - fade + i] *= 1 - Float(i + 1) / Float(fade) }

        let peak = samples.reduce(0) { max($0, abs($1)) }
        guard peak > 0 else { return nil }
        let level = min(max(intensity, 0), 1)
        let targetDB = min(-3 + 9 * (level - 1) + gainDB, -1)
        let scale = Float(pow(10, targetDB / 20)) / peak
        for i in samples.indices { samples[i] *= scale }
        let trimmed = AudioBuffer(sampleRate: audio.sampleRate, channels: [samples])
        return FootstepSound(audio: trimmed, transientIndex: TransientFinder.transientIndex(in: trimmed))
    }
}
