import FootfallCore

/// What to do with the source video's own sound.
public enum OriginalAudio: String, Sendable, CaseIterable, Codable {
    /// Leave it out (the default): the output has only the new track.
    case drop
    /// Keep it as a second audio track (copied, or AAC when the container cannot hold its codec).
    case track
    /// Mix the new track under it (original at its level, the new one times `MuxRequest.mixGain`) into one track.
    case mix
}

public enum MuxContainer: String, Sendable, CaseIterable, Codable {
    case mp4, mov
}

public enum MuxAudioCodec: String, Sendable, CaseIterable, Codable {
    /// AAC-LC 48 kHz stereo, 192 kb/s (FFmpeg's native encoder).
    case aac
    /// 24-bit PCM; only in `.mov`.
    case pcm24
}

/// A new video file: the source's picture (copied, never re-encoded unless the container cannot hold its codec)
/// with a new sound track.
public struct MuxRequest: Sendable {
    public var videoSource: String
    /// The new track; Footfall's 48 kHz rate. Mono is sent to both channels; it is cut or padded with silence to
    /// the video's duration.
    public var audio: any AudioBlockSource
    public var output: String
    public var keepOriginalAudio: OriginalAudio
    public var container: MuxContainer
    public var audioCodec: MuxAudioCodec
    /// Linear gain of the new track in `.mix` mode.
    public var mixGain: Float

    public init(
        videoSource: String, audio: any AudioBlockSource, output: String, keepOriginalAudio: OriginalAudio = .drop,
        container: MuxContainer = .mp4, audioCodec: MuxAudioCodec = .aac, mixGain: Float = 1
    ) {
        self.videoSource = videoSource
        self.audio = audio
        self.output = output
        self.keepOriginalAudio = keepOriginalAudio
        self.container = container
        self.audioCodec = audioCodec
        self.mixGain = mixGain
    }
}

/// What `Muxer.mux` did.
public struct MuxReport: Sendable, Equatable {
    public var output: String
    /// True: the video packets were copied bit for bit. False: re-encoded with libx264 (container limits).
    public var videoCopied: Bool
    /// Codec of the source and of the output video.
    public var sourceVideoCodec: String
    public var outputVideoCodec: String
    public var videoPackets: Int
    public var audioPackets: Int
    /// Duration of the new track as written (seconds).
    public var audioDuration: Double
    public var videoDuration: Double
    /// What happened to the source's own sound (`.drop` when it had none).
    public var originalAudio: OriginalAudio
    /// Human-readable notes (e.g. "video re-encoded: msmpeg4v3 cannot go into mp4").
    public var notes: [String]
}
