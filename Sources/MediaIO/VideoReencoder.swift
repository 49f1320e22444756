import CFFmpeg
import FootfallCore

/// Decodes a video stream packet by packet and encodes it with libx264 (crf 18, veryfast, yuv420p), keeping each
/// frame's timestamp. Used only when the output container cannot hold the source codec.
final class VideoReencoder {
    let encoder: VideoStreamEncoder
    private let decoder: UnsafeMutablePointer<AVCodecContext>
    private let frame: UnsafeMutablePointer<AVFrame>
    private let startTime: Int64
    private var lastPTS = Int64.min

    init(input: MediaInput, streamIndex: Int, output: MediaOutput) throws {
        let source = input.stream(streamIndex)
        decoder = try input.openDecoder(stream: streamIndex)
        guard let f = av_frame_alloc() else { throw FootfallError.failure("out of memory") }
        frame = f
        let st = source.pointee.start_time
        startTime = st == FFmpeg.noPTS ? 0 : st
        var rate = source.pointee.avg_frame_rate
        if !rate.isValid { rate = source.pointee.r_frame_rate }
        if !rate.isValid { rate = AVRational(num: 30, den: 1) }
        let par = source.pointee.codecpar.pointee
        encoder = try VideoStreamEncoder(
            output: output, choice: .h264(crf: 18, preset: "veryfast"), width: Int(par.width), height: Int(par.height),
            timeBase: source.pointee.time_base, frameRate: rate)
    }

    deinit {
        var d: UnsafeMutablePointer<AVCodecContext>? = decoder
        avcodec_free_context(&d)
        var f: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&f)
    }

    func push(_ packet: UnsafeMutablePointer<AVPacket>) throws {
        let r = avcodec_send_packet(decoder, packet)
        // A damaged packet is skipped; the decoder resynchronises on the next keyframe.
        if r < 0, r != FFmpeg.eagain { return }
        try drain()
    }

    func finish() throws {
        avcodec_send_packet(decoder, nil)
        try drain()
        try encoder.finish()
    }

    private func drain() throws {
        while true {
            let r = avcodec_receive_frame(decoder, frame)
            if r < 0 { return }
            defer { av_frame_unref(frame) }
            var pts = frame.pointee.best_effort_timestamp
            pts = pts == FFmpeg.noPTS ? lastPTS + 1 : pts - startTime
            // Encoders need strictly increasing timestamps.
            if pts <= lastPTS { pts = lastPTS + 1 }
            lastPTS = pts
            try encoder.encode(frame, pts: pts)
        }
    }
}
