import CFFmpeg
import FootfallCore
import Foundation

/// An open demuxer (AVFormatContext) for one file. Not Sendable: confine to one task.
final class MediaInput {
    let path: String
    let context: UnsafeMutablePointer<AVFormatContext>

    /// Opens and reads stream info. Errors are `.badInput` with a message saying what to do.
    init(path: String) throws {
        FFmpegLogging.applyDefault()
        try InputValidation.requireReadableFile(path)
        var ctx: UnsafeMutablePointer<AVFormatContext>?
        let openResult = avformat_open_input(&ctx, path, nil, nil)
        guard openResult >= 0, let opened = ctx else {
            throw FootfallError.badInput(
                "cannot read '\(path)' as a video or audio file (\(FFmpeg.describe(openResult))): "
                    + "check that it is a media file (mp4, mov, avi, mkv, wav…) and not damaged")
        }
        let infoResult = avformat_find_stream_info(opened, nil)
        guard infoResult >= 0 else {
            avformat_close_input(&ctx)
            throw FootfallError.badInput(
                "cannot find any audio or video streams in '\(path)' (\(FFmpeg.describe(infoResult))): "
                    + "the file may be damaged or truncated; try re-exporting it")
        }
        self.path = path
        self.context = opened
    }

    deinit {
        var ctx: UnsafeMutablePointer<AVFormatContext>? = context
        avformat_close_input(&ctx)
    }

    var streamCount: Int { Int(context.pointee.nb_streams) }

    func stream(_ index: Int) -> UnsafeMutablePointer<AVStream> {
        context.pointee.streams[index]!
    }

    /// Index of the best stream of a type, or nil.
    func bestStream(_ type: AVMediaType) -> Int? {
        let i = av_find_best_stream(context, type, -1, -1, nil, 0)
        return i >= 0 ? Int(i) : nil
    }

    /// Indices of all streams of a type, in file order.
    func streams(of type: AVMediaType) -> [Int] {
        (0..<streamCount).filter { stream($0).pointee.codecpar.pointee.codec_type == type }
    }

    var containerName: String {
        context.pointee.iformat.map { String(cString: $0.pointee.name) } ?? "unknown"
    }

    /// Opens a decoder for a stream.
    func openDecoder(stream index: Int, threads: Int = 0) throws -> UnsafeMutablePointer<AVCodecContext> {
        let par = stream(index).pointee.codecpar!
        guard let codec = avcodec_find_decoder(par.pointee.codec_id) else {
            throw FootfallError.badInput(
                "'\(path)' uses the codec \(FFmpeg.name(of: par.pointee.codec_id)), which this FFmpeg cannot decode: "
                    + "convert it to H.264 (e.g. ffmpeg -i in -c:v libx264 out.mp4)")
        }
        guard let ctx = avcodec_alloc_context3(codec) else { throw FootfallError.failure("out of memory") }
        var owned: UnsafeMutablePointer<AVCodecContext>? = ctx
        do {
            try FFmpeg.check(avcodec_parameters_to_context(ctx, par), "decoder parameters for '\(path)'")
            ctx.pointee.thread_count = Int32(max(0, threads))
            ctx.pointee.pkt_timebase = stream(index).pointee.time_base
            try FFmpeg.check(avcodec_open2(ctx, codec, nil), "opening the decoder for '\(path)'")
        } catch {
            avcodec_free_context(&owned)
            throw error
        }
        return ctx
    }
}
