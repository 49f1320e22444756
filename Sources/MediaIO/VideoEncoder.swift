import CFFmpeg
import FootfallCore
import Foundation
import Logging

/// Options for `VideoEncoder`.
public struct VideoEncoderOptions: Sendable {
    public var codec: VideoCodecChoice
    /// Nominal frame rate (stored as the stream's average rate; the PTS come from each frame's `time`).
    public var frameRate: Double
    /// Timestamp ticks per second; nil: the frame rate when it is whole, else 90 000. Use e.g. 600 for VFR.
    public var timeScale: Int?
    /// Clockwise display rotation tagged on the stream (0/90/180/270); the pictures are stored as given.
    public var rotation: Int
    /// Audio to put beside the video (AAC in mp4/mov, 16-bit PCM in avi), or nil.
    public var audio: (any AudioBlockSource)?
    /// FFmpeg muxer name ("mp4", "mov", "avi"); nil: from the file extension.
    public var container: String?
    /// Time of the audio's first sample relative to the first video frame (seconds, ≥ 0).
    public var audioStart: Double

    public init(
        codec: VideoCodecChoice = .h264(), frameRate: Double = 30, timeScale: Int? = nil, rotation: Int = 0,
        audio: (any AudioBlockSource)? = nil, container: String? = nil, audioStart: Double = 0
    ) {
        self.audioStart = audioStart
        self.codec = codec
        self.frameRate = frameRate
        self.timeScale = timeScale
        self.rotation = rotation
        self.audio = audio
        self.container = container
    }
}

/// Writes a video (H.264 MP4 by default) from RGB frames with their own times, plus optional audio.
/// Atomic: nothing appears at `path` until `finish()` succeeds. Not Sendable: use from one task.
///
///     let encoder = try VideoEncoder(path: "out.mp4", width: 640, height: 360)
///     for frame in frames { try encoder.append(frame) }
///     try encoder.finish()
public final class VideoEncoder {
    public let path: String
    public let width: Int
    public let height: Int
    private let output: MediaOutput
    private let video: VideoStreamEncoder
    private let audio: AudioTrackEncoder?
    private let timeBase: AVRational
    private let rgb: UnsafeMutablePointer<AVFrame>
    private var lastPTS = Int64.min
    private static let logger = Logger(label: "footfall.mediaio")

    public init(path: String, width: Int, height: Int, options: VideoEncoderOptions = .init()) throws {
        guard width > 0, height > 0 else { throw FootfallError.failure("cannot encode a \(width)x\(height) video") }
        self.path = path
        self.width = width
        self.height = height
        output = try MediaOutput(path: path, formatName: options.container)
        let rate = av_d2q(options.frameRate, 100_000)
        let wholeRate = options.frameRate.rounded() == options.frameRate && options.frameRate > 0
        let scale = options.timeScale ?? (wholeRate ? Int(options.frameRate) : 90_000)
        timeBase = AVRational(num: 1, den: Int32(scale))
        video = try VideoStreamEncoder(
            output: output, choice: options.codec, width: width, height: height, timeBase: timeBase, frameRate: rate)
        if options.rotation % 360 != 0 {
            try FFmpeg.check(
                cff_set_stream_rotation_cw(video.stream, Double(options.rotation)), "tagging the rotation")
        }
        if let track = options.audio, track.channelCount > 0 {
            let isAVI = output.context.pointee.oformat.pointee.name.map { String(cString: $0) } == "avi"
            audio = try AudioTrackEncoder(
                output: output, audio: track, codecID: isAVI ? AV_CODEC_ID_PCM_S16LE : AV_CODEC_ID_AAC,
                startOffset: Int64((max(0, options.audioStart) * Double(track.sampleRate)).rounded()))
        } else {
            audio = nil
        }
        guard let frame = av_frame_alloc() else { throw FootfallError.failure("out of memory") }
        rgb = frame
        rgb.pointee.width = Int32(width)
        rgb.pointee.height = Int32(height)
        rgb.pointee.format = AV_PIX_FMT_RGB24.rawValue
        try FFmpeg.check(av_frame_get_buffer(rgb, 0), "allocating a frame")
        try output.writeHeader()
        let audioTrack = audio
        video.beforeWrite = { seconds in try audioTrack?.encode(upTo: seconds) }
    }

    deinit {
        var f: UnsafeMutablePointer<AVFrame>? = rgb
        av_frame_free(&f)
    }

    /// Adds a frame of exactly `width` × `height`. Times must increase.
    public func append(_ frame: RGBFrame) throws {
        guard frame.width == width, frame.height == height else {
            throw FootfallError.failure(
                "frame \(frame.index) is \(frame.width)x\(frame.height); this video is \(width)x\(height)")
        }
        let pts = Int64((frame.time * Double(timeBase.den) / Double(timeBase.num)).rounded())
        guard pts > lastPTS else {
            throw FootfallError.failure("frame \(frame.index) at \(frame.time) s does not come after the previous one")
        }
        lastPTS = pts
        try FFmpeg.check(av_frame_make_writable(rgb), "preparing a frame")
        let stride = Int(cff_frame_linesize(rgb, 0))
        let row = width * 3
        frame.pixels.withUnsafeBufferPointer { src in
            guard let dst = cff_frame_data(rgb, 0), let base = src.baseAddress else { return }
            for y in 0..<height { (dst + y * stride).update(from: base + y * row, count: row) }
        }
        try video.encode(rgb, pts: pts)
    }

    /// Flushes the encoders, writes the rest of the audio and moves the file into place.
    public func finish() throws {
        try video.finish()
        try audio?.finish()
        try output.finish()
        Self.logger.debug("wrote video", metadata: ["path": "\(path)", "packets": "\(video.packetCount)"])
    }
}
