import FootfallCore
import MediaIO

extension RenderOutputs {
    /// The source picture, copied, with the new track (the muxer writes atomically and refuses the input path).
    static func writeVideo(to path: String, request: RenderOutputRequest) throws -> MuxReport {
        try Muxer.mux(
            MuxRequest(
                videoSource: request.sourceVideo, audio: request.mix, output: path,
                keepOriginalAudio: request.options.originalAudio, container: request.options.container))
    }
}
