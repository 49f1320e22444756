import CFFmpeg
import FootfallCore
import Foundation

/// Decodes a file's audio in consecutive chunks, so a long track never lives in memory whole (an hour of 48 kHz
/// stereo is 1.4 GB of float samples). Each chunk starts `chunkSeconds` after the previous one and holds
/// `overlapSeconds` more of what follows, so an analysis window that straddles a border is seen whole once. Times
/// as in `decodeAudio`: sample 0 of the first chunk is time 0 of the video. Returns false when the file has no
/// audio.
@discardableResult
public func forEachAudioChunk(
    path: String, sampleRate: Int = AudioBuffer.standardRate, chunkSeconds: Double = 30, overlapSeconds: Double = 1,
    _ body: (_ start: Double, _ audio: AudioBuffer) throws -> Void
) throws -> Bool {
    let input = try MediaInput(path: path)
    guard let stream = input.bestStream(AVMEDIA_TYPE_AUDIO) else { return false }
    let decoder = try StreamDecoder(input: input, streamIndex: stream)
    let resampler = try AudioResampler(outputRate: sampleRate)
    let rate = Double(sampleRate)
    let chunk = max(1, Int(chunkSeconds * rate))
    let overlap = max(0, Int(overlapSeconds * rate))
    let origin = timeOrigin(input, audioStream: stream)
    var collector = PlanarCollector()
    var placed = false
    var toDrop = 0
    var start = 0
    func place(_ first: Double) {
        guard !placed else { return }
        placed = true
        let offset = Int(((first - origin) * rate).rounded())
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
        if !placed { place(ts != FFmpeg.noPTS ? FFmpeg.seconds(ts, decoder.timeBase) : origin) }
        dropLeading()
        while (collector.channels.first?.count ?? 0) >= chunk + overlap {
            try body(
                Double(start) / rate,
                AudioBuffer(
                    sampleRate: sampleRate, channels: collector.channels.map { Array($0.prefix(chunk + overlap)) }))
            collector.shift(by: -chunk)
            start += chunk
        }
    }
    try resampler.flush(into: &collector)
    place(origin)
    dropLeading()
    if let count = collector.channels.first?.count, count > 0 {
        try body(Double(start) / rate, AudioBuffer(sampleRate: sampleRate, channels: collector.channels))
    }
    return true
}
