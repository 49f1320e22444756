import CFFmpeg

/// Video codecs Footfall writes.
public enum VideoCodecChoice: Sendable, Equatable {
    /// libx264, yuv420p. `crf` 18 is visually lossless; presets from "ultrafast" to "veryslow".
    case h264(crf: Int = 18, preset: String = "veryfast")
    /// MPEG-4 part 2 (FFmpeg's native encoder).
    case mpeg4
    /// MS-MPEG4 v2, as old AVI files use (cannot go into MP4).
    case msmpeg4v2

    var codecID: AVCodecID {
        switch self {
        case .h264: return AV_CODEC_ID_H264
        case .mpeg4: return AV_CODEC_ID_MPEG4
        case .msmpeg4v2: return AV_CODEC_ID_MSMPEG4V2
        }
    }

    var encoderName: String {
        switch self {
        case .h264: return "libx264"
        case .mpeg4: return "mpeg4"
        case .msmpeg4v2: return "msmpeg4v2"
        }
    }
}
