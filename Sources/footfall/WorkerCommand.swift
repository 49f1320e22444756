import ArgumentParser
import Dispatch
import FootfallCore
import Foundation
import Logging
import RenderFarm

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Render jobs from a PostgreSQL queue (the render farm); run one per machine.",
        discussion: """
            Claims a job, holds its lease with a heartbeat every LEASE/3 seconds, renders it like `footfall render`
            into the job's output folder and marks it done. A worker that dies stops heart-beating and another takes
            the job over when the lease runs out. SIGTERM or Ctrl-C: the jobs in hand are finished, then it exits
            (a second signal exits at once; the lease hands those jobs to another worker).
            With --metrics-port it serves Prometheus metrics at http://127.0.0.1:PORT/metrics (jobs by state and queue
            depth of the whole farm, this worker's render seconds by stage, jobs rendered and failures).
            Example:
              footfall worker --queue postgres://footfall@db.studio.lan/footfall --concurrency 2 --metrics-port 9464
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "The queue: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
    var queue: String

    @Option(help: "Jobs rendered at once by this worker.")
    var concurrency = 1

    @Option(help: "Seconds a claimed job stays ours without a heartbeat.")
    var lease: Double = 60

    @Option(name: .customLong("max-attempts"), help: "Starts of a failing job before it is parked as failed.")
    var maxAttempts = 3

    @Option(name: .customLong("metrics-port"), help: "Serve Prometheus metrics on this port (GET /metrics).")
    var metricsPort: Int?

    @Option(
        name: .customLong("metrics-host"),
        help:
            "Address the metrics listen on (0.0.0.0 for every interface, so Prometheus on another machine can scrape).")
    var metricsHost = "127.0.0.1"

    func validate() throws {
        if let metricsPort, !(0...65535).contains(metricsPort) {
            throw ValidationError("--metrics-port must be 0…65535")
        }
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be 1…64") }
        guard lease >= 3 else { throw ValidationError("--lease must be at least 3 seconds") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
    }

    func run() async throws {
        global.bootstrap()
        try await runReportingErrors {
            let url = try QueueURL(queue)
            let logger = Logger(label: "footfall.worker")
            let stop = StopSignal()
            let signals = Self.installSignals(stop, logger: logger)
            defer { signals.forEach { $0.cancel() } }
            let host = ProcessInfo.processInfo.hostName
            let policy = JobQueue.Policy(maxAttempts: maxAttempts)
            logger.info("worker \(host)/\(getpid()) on \(url): \(concurrency) at once, lease \(lease) s")
            let metrics = metricsPort == nil ? nil : FarmMetrics()
            let metricsServer = try await startMetrics(metrics, url: url, policy: policy, logger: logger)
            defer { metricsServer?.cancel() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for slot in 0..<concurrency {
                    group.addTask { [lease] in
                        let jobs = try await JobQueue.connect(url, policy: policy, logger: logger)
                        let worker = FarmWorker(
                            queue: jobs, name: "\(host)/\(getpid())/\(slot)", lease: lease, metrics: metrics,
                            logger: logger,
                            render: { job, log, progress in
                                try await FarmJobRenderer.render(job, logger: log, progress: progress)
                            })
                        defer { Task { await jobs.close() } }
                        try await worker.run(until: stop)
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    /// The metrics endpoint on its own connection, serving until the returned task is cancelled; nil without
    /// --metrics-port. A port that cannot be bound stops the worker at once with the reason.
    func startMetrics(_ metrics: FarmMetrics?, url: QueueURL, policy: JobQueue.Policy, logger: Logger) async throws
        -> Task<Void, Never>?
    {
        guard let metrics, let metricsPort else { return nil }
        let connection = try await JobQueue.connect(url, policy: policy, logger: logger)
        let server = MetricsServer(
            host: metricsHost, port: metricsPort, metrics: metrics, queue: connection, logger: logger)
        let (started, continuation) = AsyncStream.makeStream(of: Int?.self)
        let task = Task { [metricsHost] in
            do {
                try await server.run { port in
                    logger.info("metrics on http://\(metricsHost):\(port)/metrics")
                    continuation.yield(port)
                }
            } catch {
                logger.error("metrics server on \(metricsHost):\(metricsPort) stopped: \(error)")
                continuation.yield(nil)
            }
            continuation.finish()
            await connection.close()
        }
        for await port in started {
            guard port != nil else {
                throw FootfallError.usage(
                    "cannot serve metrics on \(metricsHost):\(metricsPort): is the port in use? Choose another "
                        + "with --metrics-port")
            }
            break
        }
        return task
    }

    /// SIGTERM / SIGINT raise `stop`; a second one exits at once.
    static func installSignals(_ stop: StopSignal, logger: Logger) -> [DispatchSourceSignal] {
        let queue = DispatchQueue(label: "footfall.worker.signals")
        return [(SIGTERM, Int32(143)), (SIGINT, Int32(130))].map { number, exitCode in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if stop.raise() {
                    logger.info("stopping: finishing the jobs in hand (signal again to exit at once)")
                } else {
                    _exit(exitCode)
                }
            }
            source.resume()
            return source
        }
    }
}
