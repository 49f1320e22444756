import FootfallCore
import Foundation
import Logging

/// One worker slot: claims a job, renews its lease every `lease / 3` seconds while `render` runs, then marks it
/// done or failed. Repeats until `stop` is raised (the job in hand is finished first). `footfall worker
/// --concurrency N` runs N of these, each on its own connection.
public struct FarmWorker: Sendable {
    public typealias Render = @Sendable (QueuedJob, Logger) async throws -> Void

    public var queue: JobQueue
    public var name: String
    public var lease: Double
    /// How long to wait before asking again when the queue has nothing runnable.
    public var idlePoll: Double
    public var render: Render
    var logger: Logger

    public init(
        queue: JobQueue, name: String, lease: Double, idlePoll: Double = 1, logger: Logger, render: @escaping Render
    ) {
        self.queue = queue
        self.name = name
        self.lease = lease
        self.idlePoll = idlePoll
        self.logger = logger
        self.render = render
    }

    public func run(until stop: StopSignal) async throws {
        while !stop.isRaised {
            guard let job = try await queue.claim(worker: name, lease: lease) else {
                try? await Task.sleep(for: .seconds(idlePoll))
                continue
            }
            try await runOne(job)
        }
        logger.info("worker \(name) stopped")
    }

    /// Renders one claimed job with a heartbeat beside it.
    func runOne(_ job: QueuedJob) async throws {
        var log = logger
        log[metadataKey: "job"] = "\(job.id)"
        log.info("rendering \(job.video) into \(job.outputDir) (attempt \(job.attempts))")
        let started = Date()
        let heartbeat = Task { [queue, name, lease] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(lease / 3))
                if Task.isCancelled { break }
                // A lost lease means another worker may now hold the job: it will redo it the same way.
                if (try? await queue.heartbeat(job, worker: name, lease: lease)) == false {
                    log.warning("lost the lease of job \(job.id): another worker may render it again")
                }
            }
        }
        do {
            try await render(job, log)
            heartbeat.cancel()
            let mine = try await queue.complete(job, worker: name)
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            if mine { log.info("done in \(seconds) s") } else { log.warning("done, but the job was no longer ours") }
        } catch {
            heartbeat.cancel()
            let message = (error as? FootfallError)?.description ?? "\(error)"
            log.error("failed: \(message)")
            try await queue.fail(job, worker: name, error: message)
        }
    }
}
