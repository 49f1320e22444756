import FootfallCore
import Foundation

/// A file a render writes beside the footstep track so other tools get the steps (a sampler or Pro Tools, a
/// video editor), and that `render --steps` reads back after it was edited there.
public protocol StepsInterchangeFormat {
    /// The file name after `<name>`, e.g. `.steps.mid`.
    static var suffix: String { get }
    static func encode(_ steps: [StepEvent], context: InterchangeContext) throws -> Data
    /// The steps in `data`; `frameRate` fills the frame index.
    static func parse(_ data: Data, source: String, frameRate: Double) throws -> [StepEvent]
}

/// What a timeline file says besides the steps: the media it points at.
public struct InterchangeContext: Sendable {
    public var name: String
    public var video: String
    public var audio: String
    public var stems: [String]
    public var duration: Double
    public var frameRate: Double

    public init(name: String, video: String, audio: String, stems: [String], duration: Double, frameRate: Double) {
        self.name = name
        self.video = video
        self.audio = audio
        self.stems = stems
        self.duration = duration
        self.frameRate = frameRate
    }
}
