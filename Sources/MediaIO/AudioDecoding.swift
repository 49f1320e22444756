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
    var whole: AudioBuffer?
    let found = try decodeAudioStream(
        path: path, sampleRate: sampleRate, streamIndex: streamIndex, chunkFrames: nil, overlapFrames: 0
    ) { _, audio in whole = audio }
    guard found else { return nil }
    return whole ?? AudioBuffer(sampleRate: sampleRate, channels: [])
}

/// The decoding loop behind `decodeAudio` and `forEachAudioChunk`: calls `body` with (first sample, samples) for
/// consecutive chunks of `chunkFrames` plus `overlapFrames` (nil: the whole track at once). False without audio.
func decodeAudioStream(
    path: String, sampleRate: Int, streamIndex: Int?, chunkFrames: Int?, overlapFrames: Int,
    _ body: (_ start: Int, _ audio: AudioBuffer) throws -> Void
) throws -> Bool {
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
        guard let best = input.bestStream(AVMEDIA_TYPE_AUDIO) else { return false }
        chosen = best
    }
    let decoder = try StreamDecoder(input: input, streamIndex: chosen)
    let resampler = try AudioResampler(outputRate: sampleRate)
    let origin = timeOrigin(input, audioStream: chosen)
    var collector = PlanarCollector()
    // Placed on the video's time once the first timestamp is known: silence before late audio, early audio cut.
    var placed = false
    var toDrop = 0
    var start = 0
    func place(_ first: Double) {
        placed = true
        let offset = Int(((first - origin) * Double(sampleRate)).rounded())
        if offset > 0 { collector.shift(by: offset) } else { toDrop = -offset }
    }
    func dropLeading() {
        guard toDrop > 0, let count = collector.channels.first?.count, count > 0 else { return }
        let n = min(toDrop, count)
        collector.shift(by: -n)
        toDrop -= n
    }
    while try decoder.next() {
        let ts = decoder.frame.pointee.best_effort_timestamp
        try resampler.convert(decoder.frame, into: &collector)
        av_frame_unref(decoder.frame)
        if !placed, ts != FFmpeg.noPTS { place(FFmpeg.seconds(ts, decoder.timeBase)) }
        guard placed, let chunk = chunkFrames else { continue }
        dropLeading()
        while (collector.channels.first?.count ?? 0) >= chunk + overlapFrames {
            let head = collector.channels.map { Array($0.prefix(chunk + overlapFrames)) }
            try body(start, AudioBuffer(sampleRate: sampleRate, channels: head))
            collector.shift(by: -chunk)
            start += chunk
        }
    }
    try resampler.flush(into: &collector)
    if !placed { place(0) }
    dropLeading()
    if chunkFrames == nil || (collector.channels.first?.count ?? 0) > 0 {
        try body(start, AudioBuffer(sampleRate: sampleRate, channels: collector.channels))
    }
    return true
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
