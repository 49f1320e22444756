import FootfallCore
import Foundation
import Hummingbird
import Logging
import RenderFarm

/// The web interface: upload a video in a browser (or with curl), watch the render, play and download the
/// result. Jobs live in `DIR/<uuid>/` with their state in `job.json`, so they survive a restart. They render in
/// this process, or with `farm` on the render farm's queue, where `footfall worker`s render them (`DIR` must
/// then be on storage the workers see at the same path).
public final class WebServer: Sendable {
    public let config: WebServerConfig
    let store: JobStore
    let queue: any JobDispatcher
    /// True when the jobs render on the farm (other servers may share the folder and the queue).
    let onFarm: Bool
    let renderer: any JobRenderer
    let prober: any UploadProber
    let pages: PageRenderer
    let files = FileResponder()
    let logger = Logger(label: "footfall.web")

    /// Opens the data folder, reloads its jobs and queues again the ones that were waiting. With `farm` the jobs go
    /// on that queue instead of rendering here (`renderer` then only names the backends a request may choose).
    public init(
        config: WebServerConfig, renderer: any JobRenderer, prober: any UploadProber, farm: JobQueue? = nil
    ) async throws {
        self.config = try config.validated()
        self.renderer = renderer
        self.prober = prober
        let store = try JobStore(directory: config.dataDirectory)
        self.store = store
        onFarm = farm != nil
        if let farm {
            queue = FarmDispatcher(queue: farm, store: store, base: config.render)
        } else {
            queue = RenderQueue(
                store: store, renderer: renderer, base: config.render, limit: config.concurrentRenders,
                maxWaiting: config.maxQueuedJobs)
        }
        pages = try await PageRenderer(resourcesDirectory: config.resourcesDirectory)
        let requeue = await store.loadFromDisk(rendersHere: farm == nil)
        for id in requeue {
            if let job = await store.get(id) { try await queue.submit(job) }
        }
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

    /// Deletes finished jobs older than the retention time; returns their ids. On the farm their finished rows in
    /// the queue go too.
    public func removeExpiredJobs(now: Date = Date()) async -> [String] {
        // On the farm a job's record learns that it finished when it is looked at: look at them all first.
        if onFarm { _ = await allJobs() }
        let removed = await store.removeFinished(olderThan: config.jobRetentionSeconds, now: now)
        await queue.expired(removed)
        return removed
    }

    /// Waits until no render is queued or running.
    public func waitUntilIdle() async {
        await queue.drain()
    }

    /// The job with this id as its render stands now, or a 404 for anything that is not one of ours (including
    /// path tricks). On the farm a job another server created on the same storage is one of ours too.
    func job(_ id: String) async throws -> JobRecord {
        guard UUID(uuidString: id) != nil, id == id.lowercased(),
            let job = onFarm ? await store.getOrLoad(id) : await store.get(id)
        else {
            throw APIError.notFound("no job '\(id)' (finished jobs are deleted after a while)")
        }
        return await queue.current(job)
    }

    /// Every job, newest first, as their renders stand now (on the farm: with those other servers created).
    func allJobs() async -> [JobRecord] {
        if onFarm { _ = await store.loadFromDisk(rendersHere: false) }
        var jobs: [JobRecord] = []
        for job in await store.all() { jobs.append(await queue.current(job)) }
        return jobs
    }
}
