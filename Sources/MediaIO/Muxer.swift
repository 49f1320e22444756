import CFFmpeg
import FootfallCore
import Foundation
import Logging

/// Puts a new sound track on a video without touching its picture: the video stream is copied (rotation and other
/// side data included), the audio encoded to AAC (or PCM in .mov), interleaved, written atomically.
public enum Muxer {
    static let logger = Logger(label: "footfall.mediaio")

    public static func mux(_ request: MuxRequest) throws -> MuxReport {
        let info = try MediaProbe.probe(request.videoSource)
        try AtomicOutput.refuseOverwriting(request.output, inputs: [request.videoSource])
        if request.audioCodec == .pcm24, request.container != .mov {
            throw FootfallError.usage("PCM audio needs the .mov container; use AAC for .mp4")
        }
        let input = try MediaInput(path: request.videoSource)
        guard let videoIndex = input.bestStream(AVMEDIA_TYPE_VIDEO) else {
            throw FootfallError.badInput("'\(request.videoSource)' has no video stream")
        }
        let originalIndex = input.bestStream(AVMEDIA_TYPE_AUDIO)
        let session = try MuxSession(
            request: request, info: info, input: input, videoIndex: videoIndex, originalAudioIndex: originalIndex)
        let report = try session.run()
        for note in report.notes { logger.notice("\(note)", metadata: ["output": "\(request.output)"]) }
        return report
    }
}
