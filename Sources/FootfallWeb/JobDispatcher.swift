import FootfallCore
import Foundation

/// Where the web server's jobs render: `RenderQueue` renders them in this process (the default), `FarmDispatcher`
/// puts them on the render farm's PostgreSQL queue for `footfall worker`s and reads their state back from it. The
/// server stores every job's record and files the same way with either; only starting a render and learning how
/// it went differ.
protocol JobDispatcher: Sendable {
    /// True when no more renders are taken now (the upload gets 503).
    func isFull() async -> Bool
    /// Starts the render of a stored job whose status is `queued`.
    func submit(_ job: JobRecord) async throws
    /// Jobs waiting ahead of this one (0: next), or nil when it is not waiting or that is not known.
    func position(of id: String) async -> Int?
    /// Whether the job is waiting or rendering.
    func isActive(_ id: String) async -> Bool
    /// The job as its render stands now (in this process the stored record is always current).
    func current(_ job: JobRecord) async -> JobRecord
    /// Waits for every render this process runs to end (tests, shutdown).
    func drain() async
    func cancelAll() async
    /// Returns once a job's stems are written (a render here may write them after the job is done); rethrows
    /// what writing them threw.
    func stemsWritten(_ id: String) async throws
    /// The server deleted these finished jobs (past the retention time): forget what is kept about them elsewhere.
    func expired(_ ids: [String]) async
}

extension JobDispatcher {
    /// Renders elsewhere (a farm worker) write the stems before the job is done.
    func stemsWritten(_ id: String) async throws {}
    /// In this process nothing outlives the job's record and folder.
    func expired(_ ids: [String]) async {}
}

extension RenderQueue: JobDispatcher {
    func submit(_ job: JobRecord) { enqueue(job.id) }
    func isActive(_ id: String) -> Bool { contains(id) }
    func current(_ job: JobRecord) -> JobRecord { job }
}
