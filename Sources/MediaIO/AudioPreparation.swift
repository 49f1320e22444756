import FootfallCore

/// Shapes audio for the muxer: 48 kHz stereo, exactly the video's length — as views read a block at a time, so
/// a long track is never copied.
enum AudioPreparation {
    static func stereo48k(_ audio: any AudioBlockSource, duration: Double) throws -> any AudioBlockSource {
        guard audio.sampleRate == AudioBuffer.standardRate else {
            throw FootfallError.failure(
                "the new sound track is \(audio.sampleRate) Hz; the muxer takes \(AudioBuffer.standardRate) Hz")
        }
        guard audio.channelCount > 0 else { throw FootfallError.failure("the new sound track has no channels") }
        return FittedAudio(base: audio, frameCount: Int((duration * Double(audio.sampleRate)).rounded()))
    }

    /// Original at its level plus the new track times `gain` (same length, both from `stereo48k`).
    static func mix(original: any AudioBlockSource, new: any AudioBlockSource, gain: Float) -> any AudioBlockSource {
        MixedAudio(original: original, new: new, gain: gain)
    }
}

/// The first two channels of a track (mono doubled), cut or padded with silence to `frameCount`.
struct FittedAudio: AudioBlockSource {
    let base: any AudioBlockSource
    let frameCount: Int
    var sampleRate: Int { base.sampleRate }
    var channelCount: Int { 2 }

    func read(_ range: Range<Int>) throws -> [[Float]] {
        let inside = max(range.lowerBound, 0)..<max(min(range.upperBound, frameCount), max(range.lowerBound, 0))
        var planes = try base.read(range)
        if planes.count == 1 { planes.append(planes[0]) }
        planes = Array(planes.prefix(2))
        // Past the fitted length is silence, even where the base track goes on.
        for c in planes.indices {
            for i in 0..<range.count where !inside.contains(range.lowerBound + i) { planes[c][i] = 0 }
        }
        return planes
    }
}

/// Two stereo tracks of one length summed, the second scaled.
struct MixedAudio: AudioBlockSource {
    let original: any AudioBlockSource
    let new: any AudioBlockSource
    let gain: Float
    var sampleRate: Int { new.sampleRate }
    var channelCount: Int { 2 }
    var frameCount: Int { new.frameCount }

    func read(_ range: Range<Int>) throws -> [[Float]] {
        let a = try original.read(range)
        let b = try new.read(range)
        return zip(a, b).map { x, y in zip(x, y).map { $0 + gain * $1 } }
    }
}
