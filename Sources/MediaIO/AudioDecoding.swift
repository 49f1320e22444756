import CFFmpeg
import FootfallCore
import Foundation

/// Decodes a file's audio stream to planar float at `sampleRate`, keeping its channel count.
/// Returns nil when the file has no audio. Works for video files and audio files alike (wav, flac, mp3, aac…).
public func decodeAudio(path: String, sampleRate: Int = AudioBuffer.standardRate, streamIndex: Int? = nil) throws
    -> AudioBuffer?
{
    let input = try MediaInput(path: path)
    let audioStreams = input.streams(of: AVMEDIA_TYPE_AUDIO)
    let chosen: Int
    if let requested = streamIndex {
        guard audioStreams.contains(requested) else {
            throw FootfallError.badInput(
                "'\(path)' has no audio stream \(requested); its audio streams are: "
                    + (audioStreams.isEmpty ? "none" : audioStreams.map(String.init).joined(separator: ", ")))
        }
        chosen = requested
    } else {
        guard let best = input.bestStream(AVMEDIA_TYPE_AUDIO) else { return nil }
        chosen = best
    }
    let decoder = try StreamDecoder(input: input, streamIndex: chosen)
    let resampler = try AudioResampler(outputRate: sampleRate)
    var collector = PlanarCollector()
    while try decoder.next() {
        try resampler.convert(decoder.frame, into: &collector)
        av_frame_unref(decoder.frame)
    }
    try resampler.flush(into: &collector)
    return AudioBuffer(sampleRate: sampleRate, channels: collector.channels)
}

/// Reads an audio file (wav, flac, mp3, …) as planar float at `sampleRate`.
public func readAudioFile(path: String, sampleRate: Int = AudioBuffer.standardRate) throws -> AudioBuffer {
    guard let audio = try decodeAudio(path: path, sampleRate: sampleRate) else {
        throw FootfallError.badInput("'\(path)' has no audio: give an audio file (wav, flac, mp3…)")
    }
    return audio
}

/// Appends resampled planes.
struct PlanarCollector {
    var channels: [[Float]] = []

    mutating func append(_ frame: UnsafePointer<AVFrame>) {
        let count = Int(frame.pointee.nb_samples)
        let channelCount = Int(frame.pointee.ch_layout.nb_channels)
        if channels.isEmpty { channels = Array(repeating: [], count: channelCount) }
        guard count > 0, channelCount == channels.count else { return }
        for c in 0..<channelCount {
            guard let plane = cff_frame_data(frame, Int32(c)) else { continue }
            plane.withMemoryRebound(to: Float.self, capacity: count) { p in
                channels[c].append(contentsOf: UnsafeBufferPointer(start: p, count: count))
            }
        }
    }
}
