import FootfallCore
import Foundation
import Logging

/// Runs renders first come, first served, at most `limit` at a time.
actor RenderQueue {
    private let store: JobStore
    private let renderer: any JobRenderer
    private let base: FootfallConfig
    private let limit: Int
    private let maxWaiting: Int
    private var waiting: [String] = []
    private var running: [String: Task<Void, Never>] = [:]
    /// Stems being written after their job was done, by job id.
    private var stemWrites: [String: BackgroundWrite] = [:]
    private let logger = Logger(label: "footfall.web")

    init(store: JobStore, renderer: any JobRenderer, base: FootfallConfig, limit: Int, maxWaiting: Int) {
        self.store = store
        self.renderer = renderer
        self.base = base
        self.limit = max(1, limit)
        self.maxWaiting = max(1, maxWaiting)
    }

    func isFull() -> Bool { waiting.count >= maxWaiting }

    /// Jobs waiting ahead of `id` (0: next), or nil when it is not waiting.
    func position(of id: String) -> Int? { waiting.firstIndex(of: id) }

    func contains(_ id: String) -> Bool { waiting.contains(id) || running[id] != nil }

    /// Puts a job at the back of the queue. The caller has already set its status to queued.
    func enqueue(_ id: String) {
        guard !contains(id) else { return }
        waiting.append(id)
        startNext()
    }

    /// Waits for every queued and running render to end, and for the stems they left to write (tests, shutdown).
    func drain() async {
        while let task = running.values.first {
            await task.value
        }
        for write in stemWrites.values { try? await write.wait() }
    }

    func cancelAll() {
        waiting.removeAll()
        for task in running.values { task.cancel() }
        for write in stemWrites.values { write.cancel() }
    }

    /// Returns once the job's stems (and `stems.zip`) are written, at once when nothing is being written; rethrows
    /// what their writing threw (`CancellationError`: a newer render of the job stopped it).
    func stemsWritten(_ id: String) async throws {
        guard let write = stemWrites[id] else { return }
        try await write.wait()
    }

    /// Empties the output folder for a new render: renamed out of the way at once and deleted on another thread
    /// (unlinking a minute's stems, 300 MB in the page cache, took a tenth of a second of a re-render).
    static func clear(_ out: URL) {
        let old = out.deletingLastPathComponent().appendingPathComponent(".old-out-\(UUID().uuidString)")
        guard rename(out.path, old.path) == 0 else {
            try? FileManager.default.removeItem(at: out)
            return
        }
        DispatchQueue.global(qos: .utility).async { try? FileManager.default.removeItem(at: old) }
    }

    /// Writes a job's deferred stems on a thread of their own; the job is already done and its page shows the rest.
    private func writeStems(_ stems: DeferredOutputs, of id: String, in out: URL) {
        let started = Date()
        let logger = logger
        stemWrites[id] = BackgroundWrite { isCancelled in
            do {
                try JobOutputs.writeDeferredStems(stems, in: out, isCancelled: isCancelled)
                logger.info(
                    "stems written",
                    metadata: [
                        "job": "\(id)", "stems": "\(stems.paths.count)",
                        "seconds": "\(String(format: "%.2f", Date().timeIntervalSince(started)))",
                    ])
            } catch is CancellationError {
                logger.info("stems stopped: the job is rendering again", metadata: ["job": "\(id)"])
                throw CancellationError()
            } catch {
                logger.warning("the stems could not be written: \(error)", metadata: ["job": "\(id)"])
                throw error
            }
        }
    }

    private func startNext() {
        while running.count < limit, !waiting.isEmpty {
            let id = waiting.removeFirst()
            running[id] = Task { [weak self] in
                await self?.run(id)
            }
        }
    }

    private func finished(_ id: String) {
        running[id] = nil
        startNext()
    }

    private func run(_ id: String) async {
        defer { finished(id) }
        guard
            let job = await store.update(
                id,
                {
                    $0.status = .running
                    $0.renderCount += 1
                    $0.stage = "starting"
                    $0.progress = 0
                    $0.error = nil
                })
        else { return }
        let render = job.renderCount
        let folder = await store.folder(of: id)
        let out = await store.outputFolder(of: id)
        let store = self.store
        logger.info("render started", metadata: ["job": "\(id)", "render": "\(render)"])
        // Stems still being written from the previous render go: this one replaces the output folder.
        if let previous = stemWrites.removeValue(forKey: id) {
            previous.cancel()
            try? await previous.wait()
        }
        do {
            let config = job.overrides.applied(to: base)
            let request = try JobRenderInputs.request(
                video: folder.appendingPathComponent(job.upload.storedName).path, folder: folder, out: out,
                config: config, wholeClipSurface: config.surface)
            Self.clear(out)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let output = try await renderer.render(request) { stage, fraction in
                Task { await store.progress(id, render: render, stage: stage, fraction: fraction) }
            }
            let filesStarted = Date()
            let files = try JobOutputs.collect(output, in: out)
            try JobOutputs.saveTimeline(output.document, in: folder)
            if request.placedSteps == nil {
                try JobSteps.saveBase(output.document, in: folder)
                JobSteps.keepPicture(from: out, files: files, in: folder)
            }
            Waveform.save(fromOutputs: files, in: out, to: folder)
            // The job's own files (download list, timeline, waveform), after the pipeline's stages.
            let timings =
                output.timings + [StageSeconds(stage: "files", seconds: Date().timeIntervalSince(filesStarted))]
            await store.update(id) {
                $0.status = .done
                $0.stage = "done"
                $0.progress = 1
                $0.files = files
                $0.warnings = output.warnings
                $0.timings = timings
                $0.licence = output.licence
            }
            logger.info("render done", metadata: ["job": "\(id)", "files": "\(files.count)"])
            if let stems = output.deferredStems { writeStems(stems, of: id, in: out) }
        } catch {
            let message = JobOutputs.message(for: error)
            await store.update(id) {
                $0.status = .failed
                $0.error = message
            }
            logger.warning("render failed: \(message)", metadata: ["job": "\(id)"])
        }
    }
}
