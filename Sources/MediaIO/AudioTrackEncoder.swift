import CFFmpeg
import FootfallCore

/// Encodes one audio source as an output stream (AAC or PCM), a frame at a time, so the caller can interleave
/// it with video: `encode(upTo:)` before each video packet, `finish()` at the end.
final class AudioTrackEncoder {
    let codec: UnsafeMutablePointer<AVCodecContext>
    let stream: UnsafeMutablePointer<AVStream>
    private let output: MediaOutput
    private let audio: any AudioBlockSource
    /// Samples read ahead from the source (whole encoder frames), and where they start.
    private var pending = AudioBuffer(channels: [])
    private var pendingStart = 0
    private let frame: UnsafeMutablePointer<AVFrame>
    private let packet: UnsafeMutablePointer<AVPacket>
    private let frameSize: Int
    private var position = 0
    private(set) var packetCount = 0

    /// Adds the stream to `output`; call before `output.writeHeader()`.
    /// Timestamp of the first sample, in samples (0: with the video's first frame).
    private let startOffset: Int64

    init(
        output: MediaOutput, audio: any AudioBlockSource, codecID: AVCodecID, bitRate: Int = 192_000,
        startOffset: Int64 = 0
    ) throws {
        self.startOffset = startOffset
        guard let encoder = avcodec_find_encoder(codecID) else {
            throw FootfallError.failure("this FFmpeg has no \(FFmpeg.name(of: codecID)) encoder")
        }
        guard let ctx = avcodec_alloc_context3(encoder), let f = av_frame_alloc(), let p = av_packet_alloc() else {
            throw FootfallError.failure("out of memory")
        }
        codec = ctx
        frame = f
        packet = p
        self.output = output
        self.audio = audio
        ctx.pointee.sample_rate = Int32(audio.sampleRate)
        ctx.pointee.ch_layout = cff_channel_layout_default(Int32(max(1, audio.channelCount)))
        ctx.pointee.sample_fmt = SampleConversion.preferredFormat(encoder)
        ctx.pointee.time_base = AVRational(num: 1, den: Int32(audio.sampleRate))
        if codecID == AV_CODEC_ID_AAC {
            ctx.pointee.bit_rate = Int64(bitRate)
            // FFmpeg's default two-loop search costs twice the time for no audible gain at 192 kb/s on footsteps: it
            // was the longest part of a re-render from edited steps (issue 18).
            av_opt_set(ctx.pointee.priv_data, "aac_coder", "fast", 0)
        }
        if codecID == AV_CODEC_ID_PCM_S24LE { ctx.pointee.bits_per_raw_sample = 24 }
        if output.needsGlobalHeader { ctx.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        stream = try output.addStream()
        try FFmpeg.check(avcodec_open2(ctx, encoder, nil), "opening the \(FFmpeg.name(of: codecID)) encoder")
        try FFmpeg.check(avcodec_parameters_from_context(stream.pointee.codecpar, ctx), "audio stream parameters")
        stream.pointee.time_base = ctx.pointee.time_base
        frameSize = ctx.pointee.frame_size > 0 ? Int(ctx.pointee.frame_size) : 1024
    }

    deinit {
        var c: UnsafeMutablePointer<AVCodecContext>? = codec
        avcodec_free_context(&c)
        var f: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&f)
        var p: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&p)
    }

    /// Samples encoded so far, in seconds.
    var encodedDuration: Double { Double(position) / Double(audio.sampleRate) }

    /// Encodes every frame that starts before `seconds`.
    func encode(upTo seconds: Double) throws {
        let limit = min(
            audio.frameCount, Int((seconds * Double(audio.sampleRate)).rounded(.up)) - Int(startOffset))
        while position < limit { try encodeNextFrame() }
    }

    /// Encodes the rest and drains the encoder.
    func finish() throws {
        while position < audio.frameCount { try encodeNextFrame() }
        try FFmpeg.check(avcodec_send_frame(codec, nil), "flushing the audio encoder")
        try drain()
    }

    private func encodeNextFrame() throws {
        let n = min(frameSize, audio.frameCount - position)
        av_frame_unref(frame)
        frame.pointee.nb_samples = Int32(n)
        frame.pointee.format = codec.pointee.sample_fmt.rawValue
        frame.pointee.sample_rate = codec.pointee.sample_rate
        frame.pointee.ch_layout = codec.pointee.ch_layout
        try FFmpeg.check(av_frame_get_buffer(frame, 0), "allocating an audio frame")
        if position + n > pendingStart + pending.frameCount {
            // A few hundred encoder frames per read: few file reads, little memory.
            pendingStart = position
            let end = min(audio.frameCount, position + frameSize * 256)
            pending = AudioBuffer(sampleRate: audio.sampleRate, channels: try audio.read(position..<end))
        }
        SampleConversion.fill(frame, from: pending, start: position - pendingStart, count: n)
        frame.pointee.pts = Int64(position) + startOffset
        position += n
        try FFmpeg.check(avcodec_send_frame(codec, frame), "encoding audio")
        try drain()
    }

    private func drain() throws {
        while true {
            let r = avcodec_receive_packet(codec, packet)
            if r == FFmpeg.eagain || r == FFmpeg.eof { return }
            try FFmpeg.check(r, "encoding audio")
            packet.pointee.stream_index = stream.pointee.index
            packetCount += 1
            try output.write(packet, from: codec.pointee.time_base)
        }
    }
}
