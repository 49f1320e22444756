import FootfallCore

/// One video to render, with everything that decides the result.
public struct RenderRequest: Sendable {
    public var video: String
    public var outputDirectory: String
    public var config: FootfallConfig
    /// A (possibly hand-edited) steps JSON to render instead of detecting steps.
    public var stepsFile: String?
    /// Overwrite existing outputs.
    public var force: Bool
    /// Also write a video with skeletons and step flashes here.
    public var overlay: String?
    /// Also write a self-contained HTML walkthrough here.
    public var report: String?
    /// Environment for backends (API keys, endpoints); nil: the process environment merged over `./.env`.
    public var environment: [String: String]?
    /// Fail instead of falling back to `procedural` when a remote backend fails.
    public var noFallback: Bool
    /// Leave the stem WAVs to `RenderResult.deferredStems` instead of writing them with the other outputs (the web
    /// interface writes them after the job is done); false, the default, writes everything.
    public var deferStems = false

    public init(
        video: String, outputDirectory: String, config: FootfallConfig = FootfallConfig(), stepsFile: String? = nil,
        force: Bool = false, overlay: String? = nil, report: String? = nil, noFallback: Bool = false
    ) {
        self.report = report
        self.video = video
        self.outputDirectory = outputDirectory
        self.config = config
        self.stepsFile = stepsFile
        self.force = force
        self.overlay = overlay
        self.noFallback = noFallback
    }
}

/// What a render produced.
public struct RenderResult: Sendable {
    public var video: VideoInfo
    /// Paths of every file written.
    public var outputs: [String]
    /// The steps as rendered (with surface, gain and pan filled in).
    public var document: StepsDocument
    public var timings: StageTimings
    /// Things the user should know (low surface confidence, fallback backend used, …).
    public var warnings: [String]
    /// Integrated loudness (LUFS) and true peak (dBTP) of the delivered mix, when measured.
    public var loudness: Double?
    public var truePeak: Double?
    /// When the sound track uses recordings: one sentence on the licence conditions that apply to the outputs.
    public var licenceConditions: String?
    /// `<name>.credits.txt`, when written.
    public var credits: String?
    /// The stems, when the request deferred them: not in `outputs` until this has been run.
    public var deferredStems: DeferredOutputs?

    public init(
        video: VideoInfo, outputs: [String], document: StepsDocument, timings: StageTimings, warnings: [String],
        loudness: Double? = nil, truePeak: Double? = nil
    ) {
        self.video = video
        self.outputs = outputs
        self.document = document
        self.timings = timings
        self.warnings = warnings
        self.loudness = loudness
        self.truePeak = truePeak
    }

    public var walkerCount: Int { Set(document.steps.map(\.walker)).count }
}
