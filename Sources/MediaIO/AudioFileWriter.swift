import CFFmpeg
import FootfallCore

/// Compressed or plain audio files through FFmpeg (WAV with bext is `WAVWriter`'s job).
public enum AudioFileCodec: String, Sendable, CaseIterable {
    case flac, mp3, aac
    /// 16-bit PCM WAV.
    case pcm16

    var codecID: AVCodecID {
        switch self {
        case .flac: return AV_CODEC_ID_FLAC
        case .mp3: return AV_CODEC_ID_MP3
        case .aac: return AV_CODEC_ID_AAC
        case .pcm16: return AV_CODEC_ID_PCM_S16LE
        }
    }

    /// FFmpeg muxer for the codec's usual file type.
    var formatName: String {
        switch self {
        case .flac: return "flac"
        case .mp3: return "mp3"
        case .aac: return "ipod"  // .m4a
        case .pcm16: return "wav"
        }
    }
}

/// Writes an audio-only file (flac, mp3, m4a, wav), atomically. Sound sample libraries and tests use it.
public enum AudioFileWriter {
    public static func write(_ audio: AudioBuffer, to path: String, codec: AudioFileCodec) throws {
        guard audio.channelCount > 0 else { throw FootfallError.failure("cannot write '\(path)': no channels") }
        let output = try MediaOutput(path: path, formatName: codec.formatName)
        let track = try AudioTrackEncoder(output: output, audio: audio, codecID: codec.codecID)
        try output.writeHeader()
        try track.finish()
        try output.finish()
    }
}
