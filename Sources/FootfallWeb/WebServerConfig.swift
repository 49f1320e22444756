import FootfallCore
import Foundation

/// Settings of `footfall serve`: where it listens, where jobs live and the limits that protect the machine.
public struct WebServerConfig: Sendable {
    public var host: String
    /// 0 picks a free port (tests).
    public var port: Int
    /// Folder holding one sub-folder per job.
    public var dataDirectory: String
    /// Largest accepted upload in bytes; larger ones get 413.
    public var maxUploadBytes: Int
    /// Longest accepted video in seconds.
    public var maxDurationSeconds: Double
    /// Renders that may run at the same time; the rest wait in the queue.
    public var concurrentRenders: Int
    /// Jobs waiting beyond this many are refused with 503 instead of piling up.
    public var maxQueuedJobs: Int
    /// Finished or failed jobs older than this are deleted (seconds).
    public var jobRetentionSeconds: Double
    /// How often the cleaner looks for old jobs (seconds).
    public var cleanupIntervalSeconds: Double
    /// Render settings every job starts from (the request's overrides go on top).
    public var render: FootfallConfig
    /// Folder with `templates/` and `static/`; nil finds the bundled resources.
    public var resourcesDirectory: String?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "footfall-web",
        maxUploadBytes: Int = 500 * 1024 * 1024, maxDurationSeconds: Double = 600, concurrentRenders: Int = 1,
        maxQueuedJobs: Int = 20, jobRetentionSeconds: Double = 7 * 24 * 3600, cleanupIntervalSeconds: Double = 600,
        render: FootfallConfig = FootfallConfig(), resourcesDirectory: String? = nil
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.maxUploadBytes = maxUploadBytes
        self.maxDurationSeconds = maxDurationSeconds
        self.concurrentRenders = concurrentRenders
        self.maxQueuedJobs = maxQueuedJobs
        self.jobRetentionSeconds = jobRetentionSeconds
        self.cleanupIntervalSeconds = cleanupIntervalSeconds
        self.render = render
        self.resourcesDirectory = resourcesDirectory
    }

    /// Checks values a user typed, so the server fails at start with a clear message instead of misbehaving later.
    public func validated() throws -> WebServerConfig {
        guard (0...65535).contains(port) else {
            throw FootfallError.usage("port \(port) is out of range; use 1...65535 (or 0 for any free port)")
        }
        guard maxUploadBytes > 0 else { throw FootfallError.usage("the upload limit must be more than 0 bytes") }
        guard maxDurationSeconds > 0 else { throw FootfallError.usage("the duration limit must be more than 0 s") }
        guard concurrentRenders >= 1 else { throw FootfallError.usage("concurrent renders must be at least 1") }
        guard maxQueuedJobs >= 1 else { throw FootfallError.usage("the queue must hold at least 1 job") }
        guard jobRetentionSeconds > 0 else { throw FootfallError.usage("job retention must be more than 0 s") }
        return self
    }
}
