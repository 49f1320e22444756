import FootfallCore

/// Shapes audio for the muxer: 48 kHz stereo, exactly the video's length.
enum AudioPreparation {
    static func stereo48k(_ audio: AudioBuffer, duration: Double) throws -> AudioBuffer {
        guard audio.sampleRate == AudioBuffer.standardRate else {
            throw FootfallError.failure(
                "the new sound track is \(audio.sampleRate) Hz; the muxer takes \(AudioBuffer.standardRate) Hz")
        }
        guard let first = audio.channels.first else {
            throw FootfallError.failure("the new sound track has no channels")
        }
        let stereo = [first, audio.channels.count > 1 ? audio.channels[1] : first]
        let frames = Int((duration * Double(audio.sampleRate)).rounded())
        let fitted = stereo.map { plane -> [Float] in
            plane.count >= frames
                ? Array(plane.prefix(frames)) : plane + [Float](repeating: 0, count: frames - plane.count)
        }
        return AudioBuffer(sampleRate: audio.sampleRate, channels: fitted)
    }

    /// Original at its level plus the new track times `gain` (same length, both from `stereo48k`).
    static func mix(original: AudioBuffer, new: AudioBuffer, gain: Float) -> AudioBuffer {
        let channels = zip(original.channels, new.channels).map { a, b in zip(a, b).map { $0 + gain * $1 } }
        return AudioBuffer(sampleRate: new.sampleRate, channels: channels)
    }
}
