import CFFmpeg
import FootfallCore
import Foundation

/// One mux run: owns the output and the per-stream work. Not Sendable; lives inside `Muxer.mux`.
final class MuxSession {
    private let request: MuxRequest
    private let info: VideoInfo
    private let input: MediaInput
    private let videoIndex: Int
    private let output: MediaOutput
    private var videoOut: UnsafeMutablePointer<AVStream>?
    private var reencoder: VideoReencoder?
    private var newAudio: AudioTrackEncoder!
    /// Original audio as a second track: copied stream (output index) or re-encoded.
    private var copiedAudio: (input: Int, output: UnsafeMutablePointer<AVStream>)?
    private var originalTrack: AudioTrackEncoder?
    private var originalAudioMode: OriginalAudio = .drop
    private var videoPackets = 0
    private var notes: [String] = []
    private let packet: UnsafeMutablePointer<AVPacket>

    init(request: MuxRequest, info: VideoInfo, input: MediaInput, videoIndex: Int, originalAudioIndex: Int?) throws {
        self.request = request
        self.info = info
        self.input = input
        self.videoIndex = videoIndex
        output = try MediaOutput(path: request.output, formatName: request.container.rawValue)
        guard let p = av_packet_alloc() else { throw FootfallError.failure("out of memory") }
        packet = p
        try addVideo()
        try addAudio(originalIndex: originalAudioIndex)
        try output.writeHeader()
    }

    /// MKTAG('h', 'v', 'c', '1').
    static let hvc1: UInt32 = 0x3163_7668

    deinit {
        var p: UnsafeMutablePointer<AVPacket>? = packet
        av_packet_free(&p)
    }

    private var videoStartTime: Int64 {
        let st = input.stream(videoIndex).pointee.start_time
        return st == FFmpeg.noPTS ? 0 : st
    }

    private func addVideo() throws {
        let source = input.stream(videoIndex)
        let codecID = source.pointee.codecpar.pointee.codec_id
        if output.canHold(codecID) {
            let st = try output.addStream()
            try FFmpeg.check(avcodec_parameters_copy(st.pointee.codecpar, source.pointee.codecpar), "copying video")
            // Let the muxer choose the tag, except HEVC: Apple players only play the 'hvc1' variant.
            st.pointee.codecpar.pointee.codec_tag = codecID == AV_CODEC_ID_HEVC ? Self.hvc1 : 0
            st.pointee.time_base = source.pointee.time_base
            st.pointee.avg_frame_rate = source.pointee.avg_frame_rate
            st.pointee.r_frame_rate = source.pointee.r_frame_rate
            st.pointee.sample_aspect_ratio = source.pointee.sample_aspect_ratio
            try FFmpeg.check(cff_copy_stream_side_data(st, source), "copying the video's side data")
            av_dict_copy(&st.pointee.metadata, source.pointee.metadata, 0)
            videoOut = st
        } else {
            reencoder = try VideoReencoder(input: input, streamIndex: videoIndex, output: output)
            try FFmpeg.check(cff_copy_stream_side_data(reencoder!.encoder.stream, source), "copying side data")
            notes.append(
                "video re-encoded with libx264 (crf 18): \(info.videoCodec) cannot go into \(request.container.rawValue)"
            )
        }
    }

    private func addAudio(originalIndex: Int?) throws {
        var track = try AudioPreparation.stereo48k(request.audio, duration: info.duration)
        if let index = originalIndex, request.keepOriginalAudio == .mix,
            let original = try decodeAudio(path: request.videoSource, streamIndex: index)
        {
            track = AudioPreparation.mix(
                original: try AudioPreparation.stereo48k(original, duration: info.duration), new: track,
                gain: request.mixGain)
            originalAudioMode = .mix
        }
        newAudio = try AudioTrackEncoder(
            output: output, audio: track, codecID: request.audioCodec == .aac ? AV_CODEC_ID_AAC : AV_CODEC_ID_PCM_S24LE)
        guard let index = originalIndex, request.keepOriginalAudio == .track else { return }
        originalAudioMode = .track
        let source = input.stream(index)
        if output.canHold(source.pointee.codecpar.pointee.codec_id) {
            let st = try output.addStream()
            try FFmpeg.check(avcodec_parameters_copy(st.pointee.codecpar, source.pointee.codecpar), "copying audio")
            st.pointee.codecpar.pointee.codec_tag = 0
            st.pointee.time_base = source.pointee.time_base
            av_dict_copy(&st.pointee.metadata, source.pointee.metadata, 0)
            copiedAudio = (index, st)
        } else if let original = try decodeAudio(path: request.videoSource, streamIndex: index) {
            originalTrack = try AudioTrackEncoder(
                output: output, audio: try AudioPreparation.stereo48k(original, duration: info.duration),
                codecID: AV_CODEC_ID_AAC)
            notes.append("original audio re-encoded to AAC for the second track")
        }
    }

    func run() throws -> MuxReport {
        reencoder?.encoder.beforeWrite = { [newAudio, originalTrack] seconds in
            try newAudio?.encode(upTo: seconds)
            try originalTrack?.encode(upTo: seconds)
        }
        while av_read_frame(input.context, packet) >= 0 {
            defer { av_packet_unref(packet) }
            let index = Int(packet.pointee.stream_index)
            if index == videoIndex {
                try handleVideoPacket()
            } else if let copied = copiedAudio, index == copied.input {
                shift(packet, by: videoStartTime, from: input.stream(videoIndex).pointee.time_base)
                packet.pointee.stream_index = copied.output.pointee.index
                try output.write(packet, from: input.stream(index).pointee.time_base)
            }
        }
        if let reencoder {
            try reencoder.finish()
            videoPackets = reencoder.encoder.packetCount
        }
        try newAudio.finish()
        try originalTrack?.finish()
        try output.finish()
        return MuxReport(
            output: request.output, videoCopied: reencoder == nil, sourceVideoCodec: info.videoCodec,
            outputVideoCodec: reencoder == nil ? info.videoCodec : "h264", videoPackets: videoPackets,
            audioPackets: newAudio.packetCount, audioDuration: newAudio.encodedDuration,
            videoDuration: info.duration, originalAudio: originalAudioMode, notes: notes)
    }

    private func handleVideoPacket() throws {
        let tb = input.stream(videoIndex).pointee.time_base
        if let reencoder {
            try reencoder.push(packet)
            return
        }
        guard let videoOut else { return }
        shift(packet, by: videoStartTime, from: tb)
        let dts = packet.pointee.dts != FFmpeg.noPTS ? packet.pointee.dts : packet.pointee.pts
        if dts != FFmpeg.noPTS {
            let seconds = FFmpeg.seconds(dts, tb)
            try newAudio.encode(upTo: seconds)
            try originalTrack?.encode(upTo: seconds)
        }
        packet.pointee.stream_index = videoOut.pointee.index
        videoPackets += 1
        try output.write(packet, from: tb)
    }

    /// Moves a packet's timestamps so the video starts at 0, where the new track starts.
    private func shift(_ packet: UnsafeMutablePointer<AVPacket>, by start: Int64, from startTB: AVRational) {
        guard start != 0 else { return }
        let tb = input.stream(Int(packet.pointee.stream_index)).pointee.time_base
        let offset = av_rescale_q(start, startTB, tb)
        if packet.pointee.pts != FFmpeg.noPTS { packet.pointee.pts -= offset }
        if packet.pointee.dts != FFmpeg.noPTS { packet.pointee.dts -= offset }
    }
}
