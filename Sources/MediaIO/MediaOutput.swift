import CFFmpeg
import FootfallCore
import Foundation

/// An output file being muxed (AVFormatContext + AVIO), written to a temporary file and renamed on `finish`.
/// Not Sendable: confine to one task.
final class MediaOutput {
    let context: UnsafeMutablePointer<AVFormatContext>
    let atomic: AtomicOutput
    private var headerWritten = false
    private var trailerWritten = false
    private var committed = false

    /// `formatName` nil: guessed from the final path's extension.
    init(path: String, formatName: String? = nil) throws {
        FFmpegLogging.applyDefault()
        atomic = try AtomicOutput(finalPath: path)
        var ctx: UnsafeMutablePointer<AVFormatContext>?
        let r = avformat_alloc_output_context2(&ctx, nil, formatName, formatName == nil ? path : nil)
        guard r >= 0, let made = ctx else {
            atomic.discard()
            throw FootfallError.usage(
                "cannot write '\(path)': unknown output format (\(FFmpeg.describe(r))); use .mp4, .mov or .avi")
        }
        context = made
    }

    deinit {
        if headerWritten, !trailerWritten { av_write_trailer(context) }
        if context.pointee.pb != nil { avio_closep(&context.pointee.pb) }
        avformat_free_context(context)
        if !committed { atomic.discard() }
    }

    var needsGlobalHeader: Bool { (context.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER) != 0 }

    /// Whether this container can hold `codec` (e.g. MS-MPEG4 cannot go into MP4).
    func canHold(_ codec: AVCodecID) -> Bool {
        avformat_query_codec(context.pointee.oformat, codec, FF_COMPLIANCE_NORMAL) == 1
    }

    func addStream() throws -> UnsafeMutablePointer<AVStream> {
        guard let st = avformat_new_stream(context, nil) else { throw FootfallError.failure("out of memory") }
        return st
    }

    func stream(_ index: Int32) -> UnsafeMutablePointer<AVStream> { context.pointee.streams[Int(index)]! }

    /// Opens the temporary file and writes the header. Stream time bases may change here.
    func writeHeader() throws {
        try FFmpeg.check(
            avio_open(&context.pointee.pb, atomic.temporaryPath, AVIO_FLAG_WRITE), "creating '\(atomic.temporaryPath)'")
        try FFmpeg.check(avformat_write_header(context, nil), "writing the header of '\(atomic.finalPath)'")
        headerWritten = true
    }

    /// Rescales `packet` from `timeBase` to its stream's time base (read after the header) and writes it.
    func write(_ packet: UnsafeMutablePointer<AVPacket>, from timeBase: AVRational) throws {
        let st = stream(packet.pointee.stream_index)
        av_packet_rescale_ts(packet, timeBase, st.pointee.time_base)
        packet.pointee.pos = -1
        try FFmpeg.check(av_interleaved_write_frame(context, packet), "writing '\(atomic.finalPath)'")
    }

    /// Writes the trailer, closes the file and renames it into place.
    func finish() throws {
        trailerWritten = true
        try FFmpeg.check(av_write_trailer(context), "finishing '\(atomic.finalPath)'")
        try FFmpeg.check(avio_closep(&context.pointee.pb), "closing '\(atomic.finalPath)'")
        try atomic.commit()
        committed = true
    }
}
