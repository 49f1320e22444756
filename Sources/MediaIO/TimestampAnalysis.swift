import CFFmpeg

/// Presentation timestamps of a video stream's first packets: tells constant from variable frame rate
/// without decoding (phones record VFR; r_frame_rate alone cannot tell).
struct TimestampAnalysis {
    /// Packets of the stream that were read.
    var packetCount = 0
    /// Whether the whole file was read (then `packetCount` is the frame count).
    var reachedEnd = false
    /// Sorted presentation times in seconds.
    var times: [Double] = []
    /// Last packet's duration in seconds (0 if unknown).
    var lastDuration = 0.0
    var tickSeconds = 0.0

    /// Reads up to `limit` packets of the stream, then seeks back to the start.
    static func read(input: MediaInput, streamIndex: Int, limit: Int) -> TimestampAnalysis {
        var result = TimestampAnalysis()
        let tb = input.stream(streamIndex).pointee.time_base
        result.tickSeconds = tb.doubleValue
        var allocated = av_packet_alloc()
        defer { av_packet_free(&allocated) }
        guard let packet = allocated else { return result }
        var raw: [Int64] = []
        while result.packetCount < limit {
            let r = av_read_frame(input.context, packet)
            // EOF, or a read error in a truncated file: what was read is all there is.
            if r < 0 {
                result.reachedEnd = true
                break
            }
            if Int(packet.pointee.stream_index) == streamIndex {
                result.packetCount += 1
                let pts = packet.pointee.pts != FFmpeg.noPTS ? packet.pointee.pts : packet.pointee.dts
                if pts != FFmpeg.noPTS { raw.append(pts) }
                result.lastDuration = FFmpeg.seconds(packet.pointee.duration, tb)
            }
            av_packet_unref(packet)
        }
        raw.sort()
        result.times = raw.map { FFmpeg.seconds($0, tb) }
        av_seek_frame(input.context, -1, Int64.min, AVSEEK_FLAG_BACKWARD)
        return result
    }

    /// Gaps between consecutive presentation times.
    var deltas: [Double] { zip(times.dropFirst(), times).map { $0 - $1 }.filter { $0 > 0 } }

    /// First to last presentation time plus the last frame's duration.
    var span: Double? {
        guard let first = times.first, let last = times.last else { return nil }
        let tail = lastDuration > 0 ? lastDuration : (deltas.last ?? 0)
        return last - first + tail
    }

    var meanRate: Double? {
        let d = deltas
        guard !d.isEmpty else { return nil }
        return Double(d.count) / d.reduce(0, +)
    }

    /// Variable when any frame gap differs from the median gap by more than 5 % plus one timestamp tick (the tick
    /// absorbs rounding of e.g. 29.97 fps into a 1/1000 time base). Phones drop or stretch single frames; one
    /// such gap already means frame index / fps would drift, so it counts.
    var isVariable: Bool {
        let d = deltas.sorted()
        guard d.count >= 3 else { return false }
        let median = d[d.count / 2]
        let tolerance = median * 0.05 + tickSeconds * 1.01
        return d.contains { abs($0 - median) > tolerance }
    }
}
