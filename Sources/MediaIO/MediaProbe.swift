import CFFmpeg
import FootfallCore
import Foundation
import Logging

/// Reads what a video is (size, rotation, frame rate, duration, audio) and rejects inputs Footfall cannot use.
public enum MediaProbe {
    static let logger = Logger(label: "footfall.mediaio")
    /// How many video packets the frame-rate analysis looks at.
    static let timestampSampleCount = 600

    /// Probes and validates a video. Throws `FootfallError.badInput` with a message saying what to do.
    public static func probe(_ path: String) throws -> VideoInfo {
        let input = try MediaInput(path: path)
        guard let videoIndex = input.bestStream(AVMEDIA_TYPE_VIDEO) else {
            let hasAudio = !input.streams(of: AVMEDIA_TYPE_AUDIO).isEmpty
            throw FootfallError.badInput(
                "'\(path)' has no video stream" + (hasAudio ? " (it is an audio-only file)" : "")
                    + ": give a video file (mp4, mov, avi, mkv…)")
        }
        let stream = input.stream(videoIndex)
        let par = stream.pointee.codecpar.pointee
        guard avcodec_find_decoder(par.codec_id) != nil else {
            throw FootfallError.badInput(
                "'\(path)' uses the video codec \(FFmpeg.name(of: par.codec_id)), which this FFmpeg cannot decode: "
                    + "convert it to H.264 first (e.g. ffmpeg -i in -c:v libx264 -crf 18 out.mp4)")
        }
        guard par.width > 0, par.height > 0 else {
            throw FootfallError.badInput(
                "'\(path)': the video stream has no picture size; the file may be damaged — try re-exporting it")
        }
        let timing = TimestampAnalysis.read(input: input, streamIndex: videoIndex, limit: timestampSampleCount)
        let tb = stream.pointee.time_base
        let frameCount = estimateFrameCount(stream: stream, timing: timing)
        guard frameCount > 0 else {
            throw FootfallError.badInput(
                "'\(path)' has a video stream with no frames: the file may be truncated — try re-exporting it")
        }
        if frameCount == 1, input.containerName == "image2" || input.containerName.hasSuffix("_pipe") {
            throw FootfallError.badInput(
                "'\(path)' is a still image (\(FFmpeg.name(of: par.codec_id))), not a video: give a video clip of "
                    + "someone walking")
        }
        let duration = estimateDuration(input: input, stream: stream, timing: timing)
        guard duration > 0, duration.isFinite else {
            throw FootfallError.badInput(
                "'\(path)' has a video of duration 0 (a still image or an empty recording): give a video clip")
        }
        let rate = averageFrameRate(stream: stream, timing: timing, frameCount: frameCount, duration: duration)
        let info = VideoInfo(
            path: path, container: input.containerName, videoCodec: FFmpeg.name(of: par.codec_id),
            codedWidth: Int(par.width), codedHeight: Int(par.height), rotation: rotation(of: stream),
            frameRate: rate, isVariableFrameRate: timing.isVariable, duration: duration,
            frameCount: frameCount, audioStreams: audioStreams(input))
        logger.debug(
            "probed video",
            metadata: [
                "path": "\(path)", "codec": "\(info.videoCodec)", "size": "\(info.codedWidth)x\(info.codedHeight)",
                "rotation": "\(info.rotation)", "fps": "\(rate)", "vfr": "\(info.isVariableFrameRate)",
                "duration": "\(duration)", "frames": "\(frameCount)", "time_base": "\(tb.num)/\(tb.den)",
            ])
        return info
    }

    /// Clockwise display rotation (0/90/180/270) from the stream's display matrix.
    static func rotation(of stream: UnsafePointer<AVStream>) -> Int {
        clockwiseRotation(counterClockwise: cff_stream_rotation_ccw(stream))
    }

    /// 0, 90, 180 or 270 for any angle in degrees counter-clockwise (0 when it is not a number).
    static func clockwiseRotation(counterClockwise ccw: Double) -> Int {
        guard ccw.isFinite else { return 0 }
        let quarterTurns = (-ccw / 90).rounded().truncatingRemainder(dividingBy: 4)
        return ((Int(quarterTurns) * 90) + 360) % 360
    }

    static func estimateFrameCount(stream: UnsafePointer<AVStream>, timing: TimestampAnalysis) -> Int {
        if timing.reachedEnd { return timing.packetCount }
        if stream.pointee.nb_frames > 0 { return Int(stream.pointee.nb_frames) }
        guard let rate = timing.meanRate, stream.pointee.duration > 0 else { return timing.packetCount }
        return max(
            timing.packetCount,
            Int((FFmpeg.seconds(stream.pointee.duration, stream.pointee.time_base) * rate).rounded()))
    }

    static func estimateDuration(
        input: MediaInput, stream: UnsafePointer<AVStream>, timing: TimestampAnalysis
    ) -> Double {
        if stream.pointee.duration > 0, stream.pointee.duration != FFmpeg.noPTS {
            return FFmpeg.seconds(stream.pointee.duration, stream.pointee.time_base)
        }
        if timing.reachedEnd, let span = timing.span { return span }
        let formatDuration = input.context.pointee.duration
        if formatDuration > 0, formatDuration != FFmpeg.noPTS { return Double(formatDuration) / Double(AV_TIME_BASE) }
        return timing.span ?? 0
    }

    static func averageFrameRate(
        stream: UnsafePointer<AVStream>, timing: TimestampAnalysis, frameCount: Int, duration: Double
    ) -> Double {
        let avg = stream.pointee.avg_frame_rate
        if avg.isValid { return avg.doubleValue }
        if let rate = timing.meanRate { return rate }
        if duration > 0 { return Double(frameCount) / duration }
        return stream.pointee.r_frame_rate.doubleValue
    }

    static func audioStreams(_ input: MediaInput) -> [AudioStreamInfo] {
        input.streams(of: AVMEDIA_TYPE_AUDIO).map { index in
            let st = input.stream(index)
            let par = st.pointee.codecpar.pointee
            var duration = 0.0
            if st.pointee.duration > 0, st.pointee.duration != FFmpeg.noPTS {
                duration = FFmpeg.seconds(st.pointee.duration, st.pointee.time_base)
            } else if input.context.pointee.duration > 0 {
                duration = Double(input.context.pointee.duration) / Double(AV_TIME_BASE)
            }
            return AudioStreamInfo(
                index: index, codec: FFmpeg.name(of: par.codec_id), sampleRate: Int(par.sample_rate),
                channels: Int(par.ch_layout.nb_channels), duration: duration)
        }
    }
}
