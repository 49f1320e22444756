import CFFmpeg
import FootfallCore
import Foundation

/// Writes an `RGBFrame` as a PNG with libavcodec's PNG encoder, atomically.
public enum PNGWriter {
    public static func write(_ frame: RGBFrame, to path: String) throws {
        let bytes = try encode(frame)
        let output = try AtomicOutput(finalPath: path)
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: output.temporaryPath))
            try output.commit()
        } catch let error as FootfallError {
            output.discard()
            throw error
        } catch {
            output.discard()
            throw FootfallError.failure("cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    /// The PNG file's bytes.
    public static func encode(_ frame: RGBFrame) throws -> [UInt8] {
        guard let codec = avcodec_find_encoder(AV_CODEC_ID_PNG) else {
            throw FootfallError.failure("this FFmpeg has no PNG encoder")
        }
        var ctx = avcodec_alloc_context3(codec)
        var picture = av_frame_alloc()
        var packet = av_packet_alloc()
        defer {
            avcodec_free_context(&ctx)
            av_frame_free(&picture)
            av_packet_free(&packet)
        }
        guard let ctx, let picture, let packet else { throw FootfallError.failure("out of memory") }
        ctx.pointee.width = Int32(frame.width)
        ctx.pointee.height = Int32(frame.height)
        ctx.pointee.pix_fmt = AV_PIX_FMT_RGB24
        ctx.pointee.time_base = AVRational(num: 1, den: 1)
        try FFmpeg.check(avcodec_open2(ctx, codec, nil), "opening the PNG encoder")
        picture.pointee.width = Int32(frame.width)
        picture.pointee.height = Int32(frame.height)
        picture.pointee.format = AV_PIX_FMT_RGB24.rawValue
        try FFmpeg.check(av_frame_get_buffer(picture, 0), "allocating a picture")
        let stride = Int(cff_frame_linesize(picture, 0))
        let row = frame.width * 3
        frame.pixels.withUnsafeBufferPointer { src in
            guard let dst = cff_frame_data(picture, 0), let base = src.baseAddress else { return }
            for y in 0..<frame.height { (dst + y * stride).update(from: base + y * row, count: row) }
        }
        try FFmpeg.check(avcodec_send_frame(ctx, picture), "encoding a PNG")
        try FFmpeg.check(avcodec_send_frame(ctx, nil), "encoding a PNG")
        try FFmpeg.check(avcodec_receive_packet(ctx, packet), "encoding a PNG")
        return Array(UnsafeBufferPointer(start: packet.pointee.data, count: Int(packet.pointee.size)))
    }
}
