import FootfallCore
import Foundation
import Hummingbird
import Logging

/// The web interface: upload a video in a browser (or with curl), watch the render, play and download the
/// result. Jobs live in `DIR/<uuid>/` with their state in `job.json`, so they survive a restart.
public final class WebServer: Sendable {
    public let config: WebServerConfig
    let store: JobStore
    let queue: RenderQueue
    let renderer: any JobRenderer
    let prober: any UploadProber
    let pages: PageRenderer
    let files = FileResponder()
    let logger = Logger(label: "footfall.web")

    /// Opens the data folder, reloads its jobs and queues again the ones that were waiting.
    public init(config: WebServerConfig, renderer: any JobRenderer, prober: any UploadProber) async throws {
        self.config = try config.validated()
        self.renderer = renderer
        self.prober = prober
        store = try JobStore(directory: config.dataDirectory)
        queue = RenderQueue(
            store: store, renderer: renderer, base: config.render, limit: config.concurrentRenders,
            maxWaiting: config.maxQueuedJobs)
        pages = try await PageRenderer(resourcesDirectory: config.resourcesDirectory)
        let requeue = await store.loadFromDisk()
        for id in requeue { await queue.enqueue(id) }
        if !requeue.isEmpty { logger.info("queued \(requeue.count) job(s) left waiting by the last run") }
    }

    /// The Hummingbird application serving pages, static files and the JSON API.
    public func makeApplication(
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        addPageRoutes(to: router)
        addAPIRoutes(to: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(config.host, port: config.port), serverName: "footfall"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGINT/SIGTERM, deleting old jobs now and then.
    public func run() async throws {
        let cleaner = Task { [self] in
            while !Task.isCancelled {
                let removed = await removeExpiredJobs()
                if !removed.isEmpty { logger.info("deleted \(removed.count) old job(s)") }
                try? await Task.sleep(for: .seconds(config.cleanupIntervalSeconds))
            }
        }
        defer { cleaner.cancel() }
        let app = makeApplication { [logger, config] port in
            logger.info("Footfall web interface on http://\(config.host):\(port)/ (data in \(config.dataDirectory))")
        }
        try await app.runService()
        await queue.cancelAll()
    }

    /// Deletes finished jobs older than the retention time; returns their ids.
    public func removeExpiredJobs(now: Date = Date()) async -> [String] {
        await store.removeFinished(olderThan: config.jobRetentionSeconds, now: now)
    }

    /// Waits until no render is queued or running.
    public func waitUntilIdle() async {
        await queue.drain()
    }

    /// The job with this id, or a 404 for anything that is not one of ours (including path tricks).
    func job(_ id: String) async throws -> JobRecord {
        guard UUID(uuidString: id) != nil, id == id.lowercased(), let job = await store.get(id) else {
            throw APIError.notFound("no job '\(id)' (finished jobs are deleted after a while)")
        }
        return job
    }
}
