import FootfallCore
import Foundation
import Hummingbird
import Logging

/// `GET /metrics` in Prometheus's text format on a small Hummingbird server (127.0.0.1 unless told otherwise: the
/// metrics name the farm's machines and jobs). Each scrape first reads the farm's job counts from the database on
/// the server's own connection, so a scrape never waits behind a worker's claim.
public struct MetricsServer: Sendable {
    public var host: String
    public var port: Int
    public var metrics: FarmMetrics
    public var queue: JobQueue
    var logger: Logger

    public init(host: String, port: Int, metrics: FarmMetrics, queue: JobQueue, logger: Logger) {
        self.host = host
        self.port = port
        self.metrics = metrics
        self.queue = queue
        self.logger = logger
    }

    /// Serves until the task is cancelled; `onRunning` gets the port it listens on (the one asked, or a free one for 0).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let router = Router(context: BasicRequestContext.self)
        router.get("metrics") { [metrics, queue, logger] _, _ -> Response in
            do {
                try await metrics.refresh(from: queue)
            } catch {
                // The process's own metrics are still worth serving; the stale gauges say what they last saw.
                logger.warning(
                    "metrics: cannot read the job counts: \((error as? FootfallError)?.description ?? "\(error)")")
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        router.get("healthz") { _, _ in "ok\n" }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "footfall-worker"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [])
    }
}
