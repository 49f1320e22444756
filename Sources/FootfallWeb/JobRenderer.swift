import FootfallCore
import Foundation

/// What one render of a job needs.
public struct JobRenderRequest: Sendable {
    public var video: String
    public var outputDirectory: String
    public var config: FootfallConfig
    /// Steps from an earlier render of the same upload: a re-render reuses them instead of running pose again.
    public var stepsFile: String?
    /// Steps already placed, each with its surface (the job's edits): the render skips pose, steps and surface
    /// detection and only makes the sound.
    public var placedSteps: StepsDocument?
    /// Shoe per walker id for `placedSteps`; other walkers wear the config's shoe.
    public var shoes: [Int: String]
    /// An earlier render's video with the same picture, to copy instead of re-encoding the upload's.
    public var pictureSource: String?

    public init(
        video: String, outputDirectory: String, config: FootfallConfig, stepsFile: String? = nil,
        placedSteps: StepsDocument? = nil, shoes: [Int: String] = [:], pictureSource: String? = nil
    ) {
        self.video = video
        self.outputDirectory = outputDirectory
        self.config = config
        self.stepsFile = stepsFile
        self.placedSteps = placedSteps
        self.shoes = shoes
        self.pictureSource = pictureSource
    }
}

/// What one render of a job produced.
public struct JobRenderOutput: Sendable {
    /// Paths of the files written (under the request's output directory).
    public var outputs: [String]
    public var document: StepsDocument
    public var warnings: [String]
    /// Seconds per stage, in order.
    public var timings: [StageSeconds]
    /// When the sound track uses other people's recordings: the licence conditions on the outputs, in one
    /// sentence, and the credits file (a name in `outputs`).
    public var licence: JobLicence?
    /// The stems, left to be written once the job is done (into the output directory's `stems/`); their archive is
    /// listed with the job's files from the start and its download waits for them.
    public var deferredStems: DeferredOutputs?

    public init(
        outputs: [String], document: StepsDocument, warnings: [String] = [], timings: [StageSeconds] = [],
        licence: JobLicence? = nil, deferredStems: DeferredOutputs? = nil
    ) {
        self.outputs = outputs
        self.document = document
        self.warnings = warnings
        self.timings = timings
        self.licence = licence
        self.deferredStems = deferredStems
    }
}

/// The licence conditions a render's recordings put on its outputs, and where their credits are.
public struct JobLicence: Codable, Sendable, Equatable {
    public var conditions: String
    /// File name of `<name>.credits.txt` among the job's files, when written.
    public var creditsFile: String?

    public init(conditions: String, creditsFile: String?) {
        self.conditions = conditions
        self.creditsFile = creditsFile
    }

    enum CodingKeys: String, CodingKey {
        case conditions
        case creditsFile = "credits_file"
    }
}

public struct StageSeconds: Codable, Sendable, Equatable {
    public var stage: String
    public var seconds: Double

    public init(stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
    }
}

/// Receives a running render's stage and fraction done (0...1).
public typealias JobProgressHandler = @Sendable (_ stage: String, _ fraction: Double) -> Void

/// Turns an uploaded video into footstep outputs. The server talks to the render pipeline through this, so the
/// web layer can be tested with a fast fake.
public protocol JobRenderer: Sendable {
    /// Sound backend names a request may ask for.
    var backendNames: [String] { get }
    /// The backends as the pages offer them: one that cannot run under `config` here is shown but not choosable,
    /// so a user does not wait for a render that fails on a missing samples folder or API key.
    func backendChoices(config: FootfallConfig) -> [BackendChoice]
    func render(_ request: JobRenderRequest, progress: @escaping JobProgressHandler) async throws -> JobRenderOutput
}

extension JobRenderer {
    public func backendChoices(config: FootfallConfig) -> [BackendChoice] {
        backendNames.map { BackendChoice(name: $0) }
    }
}

/// A sound backend in the pages' menus.
public struct BackendChoice: Sendable, Equatable {
    public var name: String
    /// Why it cannot run here (nil: it can).
    public var unavailableReason: String?

    public init(name: String, unavailableReason: String? = nil) {
        self.name = name
        self.unavailableReason = unavailableReason
    }
}

/// Checks an uploaded file by its content (never its name) and says what video it is.
public protocol UploadProber: Sendable {
    func probe(_ path: String) throws -> VideoInfo
}
