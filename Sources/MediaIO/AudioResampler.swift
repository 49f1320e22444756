import CFFmpeg
import FootfallCore

/// swresample from whatever a decoder gives to planar float at one rate, keeping the channel count.
final class AudioResampler {
    private let outputRate: Int
    private var context: OpaquePointer?
    private let output: UnsafeMutablePointer<AVFrame>
    private var channels: Int32 = 0

    init(outputRate: Int) throws {
        self.outputRate = outputRate
        guard let f = av_frame_alloc() else { throw FootfallError.failure("out of memory") }
        output = f
    }

    deinit {
        swr_free(&context)
        var f: UnsafeMutablePointer<AVFrame>? = output
        av_frame_free(&f)
    }

    func convert(_ frame: UnsafeMutablePointer<AVFrame>, into collector: inout PlanarCollector) throws {
        // Plain WAV and some decoders give "unspecified" layouts, which swresample rejects; use the default order.
        if frame.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC {
            let channels = max(1, frame.pointee.ch_layout.nb_channels)
            av_channel_layout_uninit(&frame.pointee.ch_layout)
            frame.pointee.ch_layout = cff_channel_layout_default(channels)
        }
        if context == nil { try configure(for: frame) }
        prepareOutput(samples: swr_get_out_samples(context, frame.pointee.nb_samples))
        try FFmpeg.check(swr_convert_frame(context, output, frame), "resampling audio")
        collector.append(output)
    }

    func flush(into collector: inout PlanarCollector) throws {
        guard context != nil else { return }
        prepareOutput(samples: swr_get_out_samples(context, 0))
        try FFmpeg.check(swr_convert_frame(context, output, nil), "flushing the audio resampler")
        collector.append(output)
    }

    private func configure(for frame: UnsafeMutablePointer<AVFrame>) throws {
        var inLayout = frame.pointee.ch_layout
        channels = inLayout.nb_channels
        var outLayout = cff_channel_layout_default(channels)
        try FFmpeg.check(
            swr_alloc_set_opts2(
                &context, &outLayout, AV_SAMPLE_FMT_FLTP, Int32(outputRate), &inLayout,
                AVSampleFormat(frame.pointee.format), frame.pointee.sample_rate, 0, nil),
            "setting up the audio resampler")
        try FFmpeg.check(swr_init(context), "starting the audio resampler")
    }

    private func prepareOutput(samples: Int32) {
        av_frame_unref(output)
        output.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
        output.pointee.sample_rate = Int32(outputRate)
        output.pointee.ch_layout = cff_channel_layout_default(channels)
        output.pointee.nb_samples = max(samples, 1)
        av_frame_get_buffer(output, 0)
        output.pointee.nb_samples = 0
    }
}
