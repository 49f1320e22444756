import FootfallCore

/// A render of steps that are already placed and carry their surfaces (edited in the web page): no pose, step or
/// surface pass over the video, only plan → sound → mix → export.
public struct PlacedStepsRequest: Sendable {
    /// The uploaded video: it names the outputs and its duration is the track's.
    public var video: String
    /// A video with the same picture whose stream the MP4 copies (an earlier render's H.264 copy of an AVI saves
    /// re-encoding the picture every time); nil: `video`.
    public var pictureSource: String?
    public var outputDirectory: String
    public var config: FootfallConfig
    /// Steps with `surface` set on each; its `surfaces` are recorded in the written steps JSON.
    public var document: StepsDocument
    /// Shoe per walker id; walkers not listed wear `config.shoe`.
    public var shoes: [Int: String]
    public var force: Bool
    /// Environment for backends (API keys, endpoints); nil: the process environment merged over `./.env`.
    public var environment: [String: String]?
    /// Leave the stem WAVs to `RenderResult.deferredStems` (written later) instead of writing them now.
    public var deferStems = false

    public init(
        video: String, pictureSource: String? = nil, outputDirectory: String, config: FootfallConfig,
        document: StepsDocument, shoes: [Int: String] = [:], force: Bool = true,
        environment: [String: String]? = nil
    ) {
        self.video = video
        self.pictureSource = pictureSource
        self.outputDirectory = outputDirectory
        self.config = config
        self.document = document
        self.shoes = shoes
        self.force = force
        self.environment = environment
    }
}
