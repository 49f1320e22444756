import CFFmpeg
import FootfallCore
import Foundation

/// Decodes a file's audio stream to planar float at `sampleRate`, keeping its channel count.
/// Returns nil when the file has no audio. Works for video files and audio files alike (wav, flac, mp3, aac…).
///
/// Sample 0 is time 0 of the video (the origin of `VideoDecoder`'s frame times): audio that starts later is
/// preceded by silence, audio that starts earlier is cut. In an audio-only file, sample 0 is the stream's start.
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
    var firstTime: Double?
    while try decoder.next() {
        let ts = decoder.frame.pointee.best_effort_timestamp
        if firstTime == nil, ts != FFmpeg.noPTS { firstTime = FFmpeg.seconds(ts, decoder.timeBase) }
        try resampler.convert(decoder.frame, into: &collector)
        av_frame_unref(decoder.frame)
    }
    try resampler.flush(into: &collector)
    let offset = (firstTime ?? 0) - timeOrigin(input, audioStream: chosen)
    collector.shift(by: Int((offset * Double(sampleRate)).rounded()))
    return AudioBuffer(sampleRate: sampleRate, channels: collector.channels)
}

/// Seconds of the file's time 0: the video stream's start, or the audio stream's in an audio-only file.
func timeOrigin(_ input: MediaInput, audioStream: Int) -> Double {
    let reference = input.bestStream(AVMEDIA_TYPE_VIDEO).map(input.stream) ?? input.stream(audioStream)
    let start = reference.pointee.start_time
    return start == FFmpeg.noPTS ? 0 : FFmpeg.seconds(start, reference.pointee.time_base)
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

    /// Positive: prepends that many silent samples; negative: drops samples from the start.
    mutating func shift(by samples: Int) {
        if samples > 0 {
            channels = channels.map { [Float](repeating: 0, count: samples) + $0 }
        } else if samples < 0 {
            channels = channels.map { Array($0.dropFirst(-samples)) }
        }
    }
}
