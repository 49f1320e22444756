/// What probing a video found: enough for every stage to plan its work without opening the file again.
public struct VideoInfo: Codable, Sendable, Equatable {
    public var path: String
    /// Container short name as FFmpeg reports it, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "avi".
    public var container: String
    public var videoCodec: String
    /// Coded size, before rotation.
    public var codedWidth: Int
    public var codedHeight: Int
    /// Display rotation in degrees clockwise (0, 90, 180, 270) from the stream's display matrix.
    public var rotation: Int
    /// Average frame rate in frames per second.
    public var frameRate: Double
    public var isVariableFrameRate: Bool
    /// Duration in seconds.
    public var duration: Double
    /// Frame count when the container knows it, otherwise an estimate from duration and rate.
    public var frameCount: Int
    public var audioStreams: [AudioStreamInfo]

    public init(
        path: String, container: String, videoCodec: String, codedWidth: Int, codedHeight: Int, rotation: Int,
        frameRate: Double, isVariableFrameRate: Bool, duration: Double, frameCount: Int,
        audioStreams: [AudioStreamInfo]
    ) {
        self.path = path
        self.container = container
        self.videoCodec = videoCodec
        self.codedWidth = codedWidth
        self.codedHeight = codedHeight
        self.rotation = rotation
        self.frameRate = frameRate
        self.isVariableFrameRate = isVariableFrameRate
        self.duration = duration
        self.frameCount = frameCount
        self.audioStreams = audioStreams
    }

    /// Size of the upright picture, as a viewer sees it.
    public var width: Int { rotation % 180 == 0 ? codedWidth : codedHeight }
    public var height: Int { rotation % 180 == 0 ? codedHeight : codedWidth }

    enum CodingKeys: String, CodingKey {
        case path, container, rotation, duration
        case videoCodec = "video_codec"
        case codedWidth = "coded_width"
        case codedHeight = "coded_height"
        case frameRate = "frame_rate"
        case isVariableFrameRate = "variable_frame_rate"
        case frameCount = "frame_count"
        case audioStreams = "audio_streams"
    }
}

public struct AudioStreamInfo: Codable, Sendable, Equatable {
    public var index: Int
    public var codec: String
    public var sampleRate: Int
    public var channels: Int
    public var duration: Double

    public init(index: Int, codec: String, sampleRate: Int, channels: Int, duration: Double) {
        self.index = index
        self.codec = codec
        self.sampleRate = sampleRate
        self.channels = channels
        self.duration = duration
    }

    enum CodingKeys: String, CodingKey {
        case index, codec, channels, duration
        case sampleRate = "sample_rate"
    }
}
