import FootfallCore
import Foundation

public enum JobStatus: String, Codable, Sendable {
    case queued, running, done, failed

    public var isFinished: Bool { self == .done || self == .failed }
}

/// Per-job choices that go on top of the server's render settings.
public struct RenderOverrides: Codable, Sendable, Equatable {
    public var backend: String?
    /// Force one surface for the whole clip; nil lets the pipeline detect it.
    public var surface: String?
    public var seed: UInt64?

    public init(backend: String? = nil, surface: String? = nil, seed: UInt64? = nil) {
        self.backend = backend
        self.surface = surface
        self.seed = seed
    }

    func applied(to base: FootfallConfig) -> FootfallConfig {
        var config = base
        if let backend { config.backend = backend }
        if let surface { config.surface = surface }
        if let seed { config.seed = seed }
        return config
    }
}

/// The uploaded video as it was checked on arrival.
public struct UploadInfo: Codable, Sendable, Equatable {
    /// The name the browser sent (shown to people, never used as a path).
    public var originalName: String
    /// Path of the stored upload, relative to the job folder.
    public var storedName: String
    public var bytes: Int
    public var width: Int
    public var height: Int
    public var duration: Double
    public var frameRate: Double

    enum CodingKeys: String, CodingKey {
        case bytes, width, height, duration
        case originalName = "original_name"
        case storedName = "stored_name"
        case frameRate = "frame_rate"
    }
}

/// Everything the server knows about one job; persisted as `job.json` in the job's folder.
public struct JobRecord: Codable, Sendable, Equatable {
    public var id: String
    public var status: JobStatus
    public var stage: String?
    public var progress: Double
    public var error: String?
    /// Names of downloadable files (in the job's `out/` folder).
    public var files: [String]
    public var createdAt: Date
    public var updatedAt: Date
    public var upload: UploadInfo
    public var overrides: RenderOverrides
    /// How many renders were started for this upload (re-renders count up).
    public var renderCount: Int
    public var warnings: [String]
    public var timings: [StageSeconds]
    /// The licence conditions of the last render's recordings (nil: none used, or not rendered yet).
    public var licence: JobLicence?
    /// The job's key on the render farm's queue (`serve --queue`); nil when it renders in the server.
    public var queueKey: String?

    init(id: String, upload: UploadInfo, overrides: RenderOverrides, now: Date = Date()) {
        self.id = id
        self.status = .queued
        self.stage = nil
        self.progress = 0
        self.error = nil
        self.files = []
        self.createdAt = now
        self.updatedAt = now
        self.upload = upload
        self.overrides = overrides
        self.renderCount = 0
        self.warnings = []
        self.timings = []
    }

    enum CodingKeys: String, CodingKey {
        case id, status, stage, progress, error, files, upload, overrides, warnings, timings, licence
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case renderCount = "render_count"
        case queueKey = "queue_key"
    }
}

extension JSONEncoder {
    static var footfallWeb: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }
}

extension JSONDecoder {
    static var footfallWeb: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
