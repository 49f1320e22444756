import FootfallCore
import Foundation
import PostgresNIO

/// Enqueue, claim, heartbeat, complete, fail: each one statement, so each is atomic without a transaction.
extension JobQueue {
    /// Adds a job unless one with the same key exists (whatever its state). Returns the key and whether it is new.
    @discardableResult
    public func enqueue(video: String, outputDir: String, options: String) async throws -> (key: String, new: Bool) {
        let key = try JobKey.make(video: video, outputDir: outputDir, options: options)
        let rows = try await run(
            """
            INSERT INTO footfall_jobs (key, video, output_dir, options, max_attempts)
            VALUES (\(key), \(video), \(outputDir), \(options), \(policy.maxAttempts))
            ON CONFLICT (key) DO NOTHING RETURNING id
            """, "enqueue \(video)")
        var inserted = false
        for try await _ in rows { inserted = true }
        return (key, inserted)
    }

    /// Takes the oldest runnable job: queued and due, or running with an expired lease (its worker died). The job
    /// is leased to `worker` for `lease` seconds. Nil when there is nothing to do.
    public func claim(worker: String, lease: Double) async throws -> QueuedJob? {
        // A job whose workers died on every attempt is parked instead of being handed to the next victim.
        try await run(
            """
            UPDATE footfall_jobs SET state = 'failed', worker = NULL, lease_until = NULL, updated_at = now(),
                last_error = 'its worker stopped heart-beating on each of ' || attempts || ' attempts'
            WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts
            """, "park abandoned jobs")
        let rows = try await run(
            """
            UPDATE footfall_jobs SET state = 'running', worker = \(worker), attempts = attempts + 1,
                lease_until = now() + make_interval(secs => \(lease)), updated_at = now(), stage = NULL,
                progress = NULL
            WHERE id = (
                SELECT id FROM footfall_jobs
                WHERE (state = 'queued' AND run_after <= now()) OR (state = 'running' AND lease_until < now())
                ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id, video, output_dir, options, attempts
            """, "claim a job")
        for try await (id, video, outputDir, options, attempts) in rows.decode(
            (Int64, String, String, String, Int).self)
        {
            return QueuedJob(id: id, video: video, outputDir: outputDir, options: options, attempts: attempts)
        }
        return nil
    }

    /// Renews the lease. False when the job is no longer this worker's (its lease ran out and another took it).
    public func heartbeat(_ job: QueuedJob, worker: String, lease: Double) async throws -> Bool {
        try await changed(
            """
            UPDATE footfall_jobs SET lease_until = now() + make_interval(secs => \(lease)), updated_at = now()
            WHERE id = \(job.id) AND worker = \(worker) AND state = 'running' RETURNING id
            """, "renew the lease of job \(job.id)")
    }

    /// Records how far the render has got: the pipeline's stage and the fraction of it done (0…1). Does not touch
    /// the lease (the heartbeat renews it). False when the job is no longer this worker's.
    @discardableResult
    public func report(_ job: QueuedJob, worker: String, stage: String, fraction: Double) async throws -> Bool {
        let fraction = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        return try await changed(
            """
            UPDATE footfall_jobs SET stage = \(stage), progress = \(fraction)
            WHERE id = \(job.id) AND worker = \(worker) AND state = 'running' RETURNING id
            """, "record the progress of job \(job.id)")
    }

    /// Marks the job done, with what its render made. False when it was no longer this worker's.
    @discardableResult
    public func complete(_ job: QueuedJob, worker: String, summary: JobSummary? = nil) async throws -> Bool {
        try await changed(
            """
            UPDATE footfall_jobs SET state = 'done', lease_until = NULL, last_error = NULL, updated_at = now(),
                summary = \(summary?.json), stage = NULL, progress = NULL
            WHERE id = \(job.id) AND worker = \(worker) AND state = 'running' RETURNING id
            """, "mark job \(job.id) done")
    }

    /// Records a failure: queued again after the backoff, or parked as `failed` after the last attempt (at once
    /// when `permanent`: a retry cannot help).
    @discardableResult
    public func fail(_ job: QueuedJob, worker: String, error: String, permanent: Bool = false) async throws -> Bool {
        try await changed(
            """
            UPDATE footfall_jobs SET
                state = CASE WHEN attempts >= max_attempts OR \(permanent) THEN 'failed' ELSE 'queued' END,
                run_after = now() + make_interval(secs => \(policy.backoff) * power(2, attempts - 1)),
                last_error = \(error), worker = NULL, lease_until = NULL, updated_at = now(), stage = NULL,
                progress = NULL
            WHERE id = \(job.id) AND worker = \(worker) AND state = 'running' RETURNING id
            """, "record the failure of job \(job.id)")
    }

    /// How many jobs are in each state (every state present, zero when none).
    public func counts() async throws -> [JobState: Int] {
        var result = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
        let rows = try await run("SELECT state, count(*) FROM footfall_jobs GROUP BY state", "count jobs")
        for try await (state, count) in rows.decode((String, Int).self) {
            if let s = JobState(rawValue: state) { result[s] = count }
        }
        return result
    }

    /// The state, attempts and last error of the jobs with these keys.
    public func statuses(keys: [String]) async throws -> [String: JobStatus] {
        var result: [String: JobStatus] = [:]
        let rows = try await run(
            """
            SELECT key, state, attempts, last_error, worker, summary, stage, progress FROM footfall_jobs
            WHERE key = ANY(\(keys))
            """, "read job states")
        for try await (key, state, attempts, error, worker, summary, stage, progress) in rows.decode(
            (String, String, Int, String?, String?, String?, String?, Double?).self)
        {
            let state = JobState(rawValue: state) ?? .queued
            result[key] = JobStatus(
                state: state, attempts: attempts, lastError: error, worker: worker,
                summary: JobSummary(json: summary), stage: state == .running ? stage : nil,
                progress: state == .running ? progress : nil)
        }
        return result
    }

    /// Deletes the finished (done or failed) jobs whose output folder is one of these: what a web server on the
    /// queue does when it expires a job (every render of one upload, its re-renders too, writes to the same
    /// folder). A queued or running job is never deleted. Returns how many rows went.
    @discardableResult
    public func deleteFinished(outputDirs: [String]) async throws -> Int {
        guard !outputDirs.isEmpty else { return 0 }
        var deleted = 0
        for try await _ in try await run(
            """
            DELETE FROM footfall_jobs WHERE output_dir = ANY(\(outputDirs)) AND state IN ('done', 'failed')
            RETURNING id
            """, "delete \(outputDirs.count) expired job(s)")
        {
            deleted += 1
        }
        return deleted
    }

    private func changed(_ query: PostgresQuery, _ what: String) async throws -> Bool {
        for try await _ in try await run(query, what) { return true }
        return false
    }
}

extension JobQueue {
    /// Every job's video and status, oldest first (for tests and operators; a farm's table stays small enough).
    public func all() async throws -> [(video: String, status: JobStatus)] {
        var result: [(video: String, status: JobStatus)] = []
        let rows = try await run(
            "SELECT video, state, attempts, last_error, worker FROM footfall_jobs ORDER BY id", "list jobs")
        for try await (video, state, attempts, error, worker) in rows.decode(
            (String, String, Int, String?, String?).self)
        {
            let status = JobStatus(
                state: JobState(rawValue: state) ?? .queued, attempts: attempts, lastError: error, worker: worker)
            result.append((video, status))
        }
        return result
    }
}

extension JobQueue {
    /// Jobs a worker could claim now: queued and due, or running with an expired lease (what `claim` looks for).
    public func depth() async throws -> Int {
        let rows = try await run(
            """
            SELECT count(*) FROM footfall_jobs
            WHERE (state = 'queued' AND run_after <= now()) OR (state = 'running' AND lease_until < now())
            """, "count runnable jobs")
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
