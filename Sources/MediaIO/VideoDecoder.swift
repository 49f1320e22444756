import CFFmpeg
import FootfallCore
import Logging

/// Streams a video's frames as upright RGB24 pictures of the requested size, timed by their PTS.
/// Not Sendable: create and use it on one task; pass the `RGBFrame`s (Sendable) onwards.
public final class VideoDecoder {
    public let info: VideoInfo
    /// Upright output size.
    public let outputWidth: Int
    public let outputHeight: Int
    private let decoder: StreamDecoder
    private let rgb: UnsafeMutablePointer<AVFrame>
    private var scaler: OpaquePointer?
    private let startTime: Int64
    private var index = 0
    private var lastTime = -1.0
    private static let logger = Logger(label: "footfall.mediaio")

    /// Opens and validates `path` (see `MediaProbe.probe`). `threads` 0 lets FFmpeg choose.
    public init(path: String, size: FrameSize = .original, threads: Int = 0) throws {
        info = try MediaProbe.probe(path)
        let input = try MediaInput(path: path)
        guard let videoIndex = input.bestStream(AVMEDIA_TYPE_VIDEO) else {
            throw FootfallError.badInput("'\(path)' has no video stream: give a video file")
        }
        decoder = try StreamDecoder(input: input, streamIndex: videoIndex, threads: threads)
        let st = input.stream(videoIndex).pointee.start_time
        startTime = st == FFmpeg.noPTS ? 0 : st
        (outputWidth, outputHeight) = size.resolve(width: info.width, height: info.height)
        guard let frame = av_frame_alloc() else { throw FootfallError.failure("out of memory") }
        rgb = frame
        // Scaling happens in the coded orientation; the rotation is applied while copying out.
        let turned = info.rotation % 180 != 0
        rgb.pointee.width = Int32(turned ? outputHeight : outputWidth)
        rgb.pointee.height = Int32(turned ? outputWidth : outputHeight)
        rgb.pointee.format = AV_PIX_FMT_RGB24.rawValue
        try FFmpeg.check(av_frame_get_buffer(rgb, 0), "allocating the RGB frame")
    }

    deinit {
        var f: UnsafeMutablePointer<AVFrame>? = rgb
        av_frame_free(&f)
        sws_freeContext(scaler)
    }

    /// The next frame in presentation order, or nil at the end.
    public func nextFrame() throws -> RGBFrame? {
        guard try decoder.next() else {
            if decoder.skippedErrors > 0 {
                Self.logger.warning(
                    "skipped damaged video data",
                    metadata: ["path": "\(info.path)", "errors": "\(decoder.skippedErrors)"])
            }
            return nil
        }
        let src = decoder.frame
        defer { av_frame_unref(src) }
        let time = frameTime(src)
        scaler = sws_getCachedContext(
            scaler, src.pointee.width, src.pointee.height, AVPixelFormat(src.pointee.format),
            rgb.pointee.width, rgb.pointee.height, AV_PIX_FMT_RGB24, Int32(SWS_BILINEAR), nil, nil, nil)
        guard scaler != nil else { throw FootfallError.failure("cannot convert the video's pixel format to RGB") }
        try FFmpeg.check(sws_scale_frame(scaler, rgb, src), "scaling a frame of '\(info.path)'")
        let pixels = FrameRotation.copy(
            from: cff_frame_data(rgb, 0), stride: Int(cff_frame_linesize(rgb, 0)), width: Int(rgb.pointee.width),
            height: Int(rgb.pointee.height), clockwise: info.rotation)
        defer { index += 1 }
        return RGBFrame(index: index, time: time, width: outputWidth, height: outputHeight, pixels: pixels)
    }

    /// Seconds from the stream start; frames without a timestamp continue from the previous one.
    private func frameTime(_ frame: UnsafeMutablePointer<AVFrame>) -> Double {
        let ts = frame.pointee.best_effort_timestamp
        let time: Double
        if ts != FFmpeg.noPTS {
            time = FFmpeg.seconds(ts - startTime, decoder.timeBase)
        } else {
            time = lastTime < 0 ? 0 : lastTime + 1 / max(info.frameRate, 1)
        }
        lastTime = time
        return time
    }
}
