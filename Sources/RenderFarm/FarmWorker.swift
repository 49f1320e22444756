import FootfallCore
import Foundation
import Logging

/// One worker slot: claims a job, renews its lease every `lease / 3` seconds while `render` runs, then marks it
/// done or failed. Repeats until `stop` is raised (the job in hand is finished first). `footfall worker
/// --concurrency N` runs N of these, each on its own connection.
public struct FarmWorker: Sendable {
    /// Renders a claimed job and says what it made and the seconds of each pipeline stage (for the metrics).
    /// Throwing `PermanentJobFailure` parks the job as failed at once; any other error is retried. The render
    /// tells `progress` (the pipeline's `ProgressSink`) its stage and fraction; the worker writes the latest to the
    /// job's row at most every `progressInterval` seconds.
    public typealias Render = @Sendable (QueuedJob, Logger, FarmJobProgress) async throws -> RenderedJob

    public var queue: JobQueue
    public var name: String
    public var lease: Double
    /// How long to wait before asking again when the queue has nothing runnable.
    public var idlePoll: Double
    public var render: Render
    /// Where render seconds, jobs done and failures are counted (nil: not counted).
    public var metrics: FarmMetrics?
    /// Seconds between two writes of a job's stage and fraction to its row (only when they changed).
    public var progressInterval: Double = 0.5
    var logger: Logger

    public init(
        queue: JobQueue, name: String, lease: Double, idlePoll: Double = 1, metrics: FarmMetrics? = nil,
        logger: Logger, render: @escaping Render
    ) {
        self.queue = queue
        self.name = name
        self.lease = lease
        self.idlePoll = idlePoll
        self.metrics = metrics
        self.logger = logger
        self.render = render
    }

    public func run(until stop: StopSignal) async throws {
        while !stop.isRaised {
            guard let job = try await queue.claim(worker: name, lease: lease) else {
                try? await Task.sleep(for: .seconds(idlePoll))
                continue
            }
            // Every line logged while the job renders names it, the pipeline's own loggers' too.
            try await LogContext.$job.withValue("\(job.id)") { try await runOne(job) }
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
        let progress = FarmJobProgress()
        // One small UPDATE per interval at most, and none while the stage and fraction stay the same.
        let reporter = Task { [queue, name, progressInterval] in
            var written = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(progressInterval))
                guard !Task.isCancelled, let latest = progress.latest, latest.generation != written else { continue }
                written = latest.generation
                do {
                    try await queue.report(job, worker: name, stage: latest.stage, fraction: latest.fraction)
                } catch {
                    log.debug("could not record the job's progress: \(error)")
                }
            }
        }
        do {
            let rendered = try await render(job, log, progress)
            heartbeat.cancel()
            reporter.cancel()
            let mine = try await queue.complete(job, worker: name, summary: rendered.summary)
            let elapsed = Date().timeIntervalSince(started)
            let seconds = String(format: "%.1f", elapsed)
            if mine { log.info("done in \(seconds) s") } else { log.warning("done, but the job was no longer ours") }
            metrics?.recordDone(stages: rendered.stages, seconds: elapsed)
        } catch {
            heartbeat.cancel()
            reporter.cancel()
            metrics?.recordFailure()
            let permanent = error is PermanentJobFailure
            let message =
                (error as? PermanentJobFailure)?.description ?? (error as? FootfallError)?.description ?? "\(error)"
            log.error("failed\(permanent ? " (not retried)" : ""): \(message)")
            try await queue.fail(job, worker: name, error: message, permanent: permanent)
        }
    }
}

/// A job no retry can fix (its video cannot be read on this worker's storage, its options are not Footfall's): the
/// worker parks it as failed at once with this text as its error.
public struct PermanentJobFailure: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// What `FarmWorker.Render` hands back: the summary stored with the done job, the stage times for the metrics.
public struct RenderedJob: Sendable {
    public var summary: JobSummary
    public var stages: [StageTime]

    public init(summary: JobSummary, stages: [StageTime]) {
        self.summary = summary
        self.stages = stages
    }
}

/// Where a render says how far it has got (hand it to `RenderPipeline(progress:)`): keeps only the latest stage
/// and fraction, which the worker writes to the job's row now and then. Safe to call from any task, often.
public final class FarmJobProgress: ProgressSink, @unchecked Sendable {
    private let lock = NSLock()
    private var current: (stage: String, fraction: Double, generation: Int)?

    public init() {}

    public func update(stage: String, fraction: Double) {
        lock.withLock {
            current = (stage, fraction, (current?.generation ?? 0) + 1)
        }
    }

    /// The last stage and fraction reported, with a number that grows on every report; nil before the first.
    public var latest: (stage: String, fraction: Double, generation: Int)? {
        lock.withLock { current }
    }
}
