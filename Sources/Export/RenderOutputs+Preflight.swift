import FootfallCore
import Foundation
import MediaIO

extension RenderOutputs {
    /// The checks `write` makes, done before any heavy work so a render fails in a second, not after the pose
    /// stage: outputs that exist (unless forced) and outputs that would replace the input. Stems are checked at
    /// write time, when the walkers are known.
    public static func preflight(folder: String, baseName: String, sourceVideo: String, options: RenderOutputOptions)
        throws
    {
        let request = RenderOutputRequest(
            folder: folder, baseName: baseName, mix: AudioBuffer(channelCount: 2, frames: 0), stems: nil,
            document: StepsDocument(video: .init(file: "", width: 0, height: 0, duration: 0, frameRate: 0), steps: []),
            sourceVideo: sourceVideo, options: options)
        try checkTargets(plan(request), request: request)
    }
}
