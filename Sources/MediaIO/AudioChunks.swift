import FootfallCore
import Foundation

/// Decodes a file's audio in consecutive chunks, so a long track never lives in memory whole (an hour of 48 kHz
/// stereo is 1.4 GB of float samples). Each chunk starts `chunkSeconds` after the previous one and holds
/// `overlapSeconds` more of what follows, so an analysis window that straddles a border is seen whole once. Times
/// as in `decodeAudio`: sample 0 of the first chunk is time 0 of the video, and the chunks joined are its samples.
/// Returns false when the file has no audio.
@discardableResult
public func forEachAudioChunk(
    path: String, sampleRate: Int = AudioBuffer.standardRate, chunkSeconds: Double = 30, overlapSeconds: Double = 1,
    _ body: (_ start: Double, _ audio: AudioBuffer) throws -> Void
) throws -> Bool {
    let rate = Double(sampleRate)
    return try decodeAudioStream(
        path: path, sampleRate: sampleRate, streamIndex: nil, chunkFrames: max(1, Int(chunkSeconds * rate)),
        overlapFrames: max(0, Int(overlapSeconds * rate))
    ) { start, audio in try body(Double(start) / rate, audio) }
}
