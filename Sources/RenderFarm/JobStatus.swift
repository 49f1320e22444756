/// What `batch --wait` follows for each of its jobs.
public struct JobStatus: Sendable, Equatable {
    public var state: JobState
    public var attempts: Int
    public var lastError: String?
    public var worker: String?
}
