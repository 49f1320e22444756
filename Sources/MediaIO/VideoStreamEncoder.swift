import CFFmpeg
import FootfallCore

/// Encodes frames of any pixel format into one video stream of a `MediaOutput` (converted to yuv420p).
final class VideoStreamEncoder {
    let codec: UnsafeMutablePointer<AVCodecContext>
    let stream: UnsafeMutablePointer<AVStream>
    private let output: MediaOutput
    private let yuv: UnsafeMutablePointer<AVFrame>
    private let packet: UnsafeMutablePointer<AVPacket>
    private var scaler: OpaquePointer?
    private(set) var packetCount = 0
    /// Called before each packet is written with its DTS in seconds (lets audio interleave up to it).
    var beforeWrite: ((Double) throws -> Void)?

    /// Adds the stream to `output`; call before `output.writeHeader()`. `timeBase` is the PTS unit of `encode`.
    init(
        output: MediaOutput, choice: VideoCodecChoice, width: Int, height: Int, timeBase: AVRational,
        frameRate: AVRational, quality: Int = 4
    ) throws {
        guard let encoder = avcodec_find_encoder_by_name(choice.encoderName) else {
            throw FootfallError.failure("this FFmpeg has no \(choice.encoderName) encoder; install a full FFmpeg")
        }
        guard let ctx = avcodec_alloc_context3(encoder), let f = av_frame_alloc(), let p = av_packet_alloc() else {
            throw FootfallError.failure("out of memory")
        }
        codec = ctx
        yuv = f
        packet = p
        self.output = output
        ctx.pointee.width = Int32(width)
        ctx.pointee.height = Int32(height)
        ctx.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        ctx.pointee.time_base = timeBase
        ctx.pointee.framerate = frameRate
        ctx.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
        if output.needsGlobalHeader { ctx.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        switch choice {
        case .h264(let crf, let preset):
            av_opt_set(ctx.pointee.priv_data, "crf", String(crf), 0)
            av_opt_set(ctx.pointee.priv_data, "preset", preset, 0)
        case .mpeg4, .msmpeg4v2:
            // Fixed quantiser: good quality without rate control guesswork.
            ctx.pointee.flags |= AV_CODEC_FLAG_QSCALE
            ctx.pointee.global_quality = Int32(quality) * FF_QP2LAMBDA
            ctx.pointee.gop_size = 12
        }
        stream = try output.addStream()
        try FFmpeg.check(avcodec_open2(ctx, encoder, nil), "opening the \(choice.encoderName) encoder")
        try FFmpeg.check(avcodec_parameters_from_context(stream.pointee.codecpar, ctx), "video stream parameters")
        stream.pointee.time_base = timeBase
        stream.pointee.avg_frame_rate = frameRate
        yuv.pointee.width = Int32(width)
        yuv.pointee.height = Int32(height)
        yuv.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        try FFmpeg.check(av_frame_get_buffer(yuv, 0), "allocating a video frame")
    }

    deinit {
        var c: UnsafeMutablePointer<AVCodecContext>? = codec
        avcodec_free_context(&c)
        var f: UnsafeMutablePointer<AVFrame>? = yuv
        av_frame_free(&f)
        var p: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&p)
        sws_freeContext(scaler)
    }

    /// Converts `frame` (any size/format) to the encoder's picture and encodes it with `pts` in the time base.
    func encode(_ frame: UnsafeMutablePointer<AVFrame>, pts: Int64) throws {
        scaler = sws_getCachedContext(
            scaler, frame.pointee.width, frame.pointee.height, AVPixelFormat(frame.pointee.format),
            yuv.pointee.width, yuv.pointee.height, AV_PIX_FMT_YUV420P, Int32(SWS_BICUBIC), nil, nil, nil)
        guard scaler != nil else { throw FootfallError.failure("cannot convert frames for the video encoder") }
        try FFmpeg.check(av_frame_make_writable(yuv), "preparing a video frame")
        try FFmpeg.check(sws_scale_frame(scaler, yuv, frame), "converting a frame for the video encoder")
        yuv.pointee.pts = pts
        try FFmpeg.check(avcodec_send_frame(codec, yuv), "encoding video")
        try drain()
    }

    func finish() throws {
        try FFmpeg.check(avcodec_send_frame(codec, nil), "flushing the video encoder")
        try drain()
    }

    private func drain() throws {
        while true {
            let r = avcodec_receive_packet(codec, packet)
            if r == FFmpeg.eagain || r == FFmpeg.eof { return }
            try FFmpeg.check(r, "encoding video")
            packet.pointee.stream_index = stream.pointee.index
            packetCount += 1
            let dts = packet.pointee.dts != FFmpeg.noPTS ? packet.pointee.dts : packet.pointee.pts
            try beforeWrite?(FFmpeg.seconds(dts, codec.pointee.time_base))
            try output.write(packet, from: codec.pointee.time_base)
        }
    }
}
