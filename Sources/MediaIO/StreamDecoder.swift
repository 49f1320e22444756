import CFFmpeg
import FootfallCore

/// The send/receive loop of one decoded stream: reads packets of that stream, skips the others, flushes at the end.
/// One AVPacket and one AVFrame are reused for the whole file, so memory does not grow with its length.
final class StreamDecoder {
    let input: MediaInput
    let streamIndex: Int
    let codec: UnsafeMutablePointer<AVCodecContext>
    private let packet: UnsafeMutablePointer<AVPacket>
    /// The last decoded frame; valid until the next `next()`.
    let frame: UnsafeMutablePointer<AVFrame>
    private var draining = false
    private var finished = false
    /// Decode errors skipped so far (damaged packets are skipped, not fatal).
    private(set) var skippedErrors = 0

    init(input: MediaInput, streamIndex: Int, threads: Int = 0) throws {
        self.input = input
        self.streamIndex = streamIndex
        codec = try input.openDecoder(stream: streamIndex, threads: threads)
        guard let p = av_packet_alloc(), let f = av_frame_alloc() else {
            throw FootfallError.failure("out of memory allocating decoder buffers")
        }
        packet = p
        frame = f
    }

    deinit {
        var c: UnsafeMutablePointer<AVCodecContext>? = codec
        avcodec_free_context(&c)
        var p: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&p)
        var f: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&f)
    }

    var timeBase: AVRational { input.stream(streamIndex).pointee.time_base }

    /// Decodes the next frame into `frame`; false at the end of the stream.
    func next() throws -> Bool {
        while !finished {
            let r = avcodec_receive_frame(codec, frame)
            if r >= 0 { return true }
            if r == FFmpeg.eof {
                finished = true
                return false
            }
            if r != FFmpeg.eagain {
                try noteError(r)
                continue
            }
            if draining {
                finished = true
                return false
            }
            try feed()
        }
        return false
    }

    /// Sends the next packet of this stream to the decoder (or starts draining at the end of the file).
    private func feed() throws {
        while true {
            let r = av_read_frame(input.context, packet)
            if r < 0 {
                // EOF or an unreadable tail (truncated file): decode what there is.
                draining = true
                avcodec_send_packet(codec, nil)
                return
            }
            defer { av_packet_unref(packet) }
            guard Int(packet.pointee.stream_index) == streamIndex else { continue }
            let s = avcodec_send_packet(codec, packet)
            if s < 0, s != FFmpeg.eagain { try noteError(s) }
            return
        }
    }

    private func noteError(_ code: Int32) throws {
        skippedErrors += 1
        if skippedErrors > 100 {
            throw FootfallError.badInput(
                "'\(input.path)' has too many damaged frames (\(FFmpeg.describe(code))): try re-exporting the video")
        }
    }
}
