import FootfallCore
import Foundation
import MediaIO

extension RenderOutputs {
    /// The formats written beside the marker files, in `Plan.interchange` order.
    static var interchangeFormats: [any StepsInterchangeFormat.Type] { [StepsMIDI.self, StepsOTIO.self] }

    static func writeInterchange(_ plan: Plan, request: RenderOutputRequest) throws {
        let context = InterchangeContext(
            name: request.baseName, video: request.sourceVideo, audio: plan.audio,
            stems: plan.stems.map(\.path), duration: request.mix.duration,
            frameRate: request.document.video.frameRate)
        for (format, path) in zip(interchangeFormats, plan.interchange) {
            try AtomicFile.write(try format.encode(request.document.steps, context: context), to: path)
        }
    }

    /// One cue point per step in the footstep WAV, at the step's sample, labelled like the DAW markers.
    static func cuePoints(_ request: RenderOutputRequest) -> [WAVCuePoint] {
        let rate = Double(request.mix.sampleRate)
        return request.document.steps.sorted { ($0.time, $0.walker) < ($1.time, $1.walker) }.map {
            WAVCuePoint(
                sample: UInt32(min(max(($0.time * rate).rounded(), 0), Double(UInt32.max))),
                label: MarkerFormats.label(for: $0))
        }
    }
}
