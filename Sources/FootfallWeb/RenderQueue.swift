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

    /// Waits for every queued and running render to end (tests, shutdown).
    func drain() async {
        while let task = running.values.first {
            await task.value
        }
    }

    func cancelAll() {
        waiting.removeAll()
        for task in running.values { task.cancel() }
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
        do {
            let config = job.overrides.applied(to: base)
            let request = try JobRenderInputs.request(
                video: folder.appendingPathComponent(job.upload.storedName).path, folder: folder, out: out,
                config: config, wholeClipSurface: config.surface)
            try? FileManager.default.removeItem(at: out)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let output = try await renderer.render(request) { stage, fraction in
                Task { await store.progress(id, render: render, stage: stage, fraction: fraction) }
            }
            let files = try JobOutputs.collect(output, in: out)
            try JobOutputs.saveTimeline(output.document, in: folder)
            if request.placedSteps == nil {
                try JobSteps.saveBase(output.document, in: folder)
                JobSteps.keepPicture(from: out, files: files, in: folder)
            }
            Waveform.save(fromOutputs: files, in: out, to: folder)
            await store.update(id) {
                $0.status = .done
                $0.stage = "done"
                $0.progress = 1
                $0.files = files
                $0.warnings = output.warnings
                $0.timings = output.timings
                $0.licence = output.licence
            }
            logger.info("render done", metadata: ["job": "\(id)", "files": "\(files.count)"])
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
