import FootfallCore
import Foundation
import MediaIO
import Mix

/// Which files a render writes and how.
public struct RenderOutputOptions: Sendable {
    /// Replace existing outputs (never the input video).
    public var force: Bool
    /// Write `<name>.footsteps.mp4` (or .mov): the source picture with the new track.
    public var writeVideo: Bool
    public var originalAudio: OriginalAudio
    public var container: MuxContainer
    public var writeStems: Bool
    /// Plan the stems but leave them to `RenderedFiles.deferredStems`, to be written later (the web interface writes
    /// them after the job is done: they are most of a re-render's time); false writes them with the rest.
    public var deferStems = false
    public var writeMarkers: Bool
    public var wavFormat: WAVFormat
    /// Creation time recorded in the Broadcast WAV `bext` chunk (fixed in tests for byte-identical files).
    public var createdAt: Date

    public init(
        force: Bool = false, writeVideo: Bool = true, originalAudio: OriginalAudio = .mix,
        container: MuxContainer = .mp4, writeStems: Bool = true, writeMarkers: Bool = true,
        wavFormat: WAVFormat = .pcm24, createdAt: Date = Date()
    ) {
        self.force = force
        self.writeVideo = writeVideo
        self.originalAudio = originalAudio
        self.container = container
        self.writeStems = writeStems
        self.writeMarkers = writeMarkers
        self.wavFormat = wavFormat
        self.createdAt = createdAt
    }
}

/// Everything one render delivers.
public struct RenderOutputRequest: Sendable {
    /// Output folder (created when missing).
    public var folder: String
    /// File name stem, usually the video's name without extension.
    public var baseName: String
    /// The finished stereo mix, as long as the video (read in blocks: it may live in a work file).
    public var mix: any AudioBlockSource
    public var stems: StemSet?
    public var document: StepsDocument
    public var sourceVideo: String
    public var options: RenderOutputOptions
    /// The text of `<name>.credits.txt` (the recordings used and their licences); nil writes none.
    public var credits: String?

    public init(
        folder: String, baseName: String, mix: any AudioBlockSource, stems: StemSet?, document: StepsDocument,
        sourceVideo: String, options: RenderOutputOptions = .init(), credits: String? = nil
    ) {
        self.folder = folder
        self.baseName = baseName
        self.mix = mix
        self.stems = stems
        self.document = document
        self.sourceVideo = sourceVideo
        self.options = options
        self.credits = credits
    }
}

/// The files a render wrote.
public struct RenderedFiles: Sendable {
    public var audio: String
    public var video: String?
    public var stems: [String]
    public var steps: String
    public var markers: [String]
    /// `<name>.steps.mid`, `<name>.otio`.
    public var interchange: [String] = []
    public var mux: MuxReport?
    public var credits: String? = nil
    /// The stems, when `deferStems` left them to be written later (their paths are not in `stems` yet).
    public var deferredStems: DeferredOutputs? = nil

    /// Every path, in the order written.
    public var all: [String] {
        [steps] + (credits.map { [$0] } ?? []) + markers + interchange + [audio] + stems + (video.map { [$0] } ?? [])
    }
}
