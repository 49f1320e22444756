import FootfallCore
import Foundation
import Logging
import RenderFarm

/// `footfall serve --queue`: each upload becomes a job on the render farm's PostgreSQL queue (video and output
/// folder on the storage the workers share); its state comes back from the database, so any number of web
/// servers on the same storage and queue show the same jobs. When the database says a job is done, the server
/// reads its files from the output folder the worker filled.
final class FarmDispatcher: JobDispatcher {
    let queue: JobQueue
    let store: JobStore
    let base: FootfallConfig
    private let logger = Logger(label: "footfall.web")

    init(queue: JobQueue, store: JobStore, base: FootfallConfig) {
        self.queue = queue
        self.store = store
        self.base = base
    }

    /// The database holds the waiting jobs: there is no in-memory limit to reach.
    func isFull() async -> Bool { false }

    func submit(_ job: JobRecord) async throws {
        let folder = await store.folder(of: job.id)
        let video = folder.appendingPathComponent(job.upload.storedName).path
        let out = await store.outputFolder(of: job.id).path
        let config = job.overrides.applied(to: base)
        let options = try FarmRenderInputs.options(
            config, inputs: try Self.rerenderInputs(video: video, folder: folder, out: out, config: config))
        let key: String
        do {
            key = try await queue.enqueue(video: video, outputDir: out, options: options).key
        } catch {
            throw APIError(
                .serviceUnavailable,
                "the render queue cannot take the job now (\((error as? FootfallError)?.description ?? "\(error)")); "
                    + "try again in a few minutes")
        }
        await store.update(job.id) { $0.queueKey = key }
        logger.info("job on the render farm queue", metadata: ["job": "\(job.id)", "queue": "\(queue.url)"])
    }

    func position(of id: String) async -> Int? { nil }

    func isActive(_ id: String) async -> Bool {
        guard let job = await store.get(id) else { return false }
        return await !current(job).status.isFinished
    }

    /// A re-render (the job has rendered before): the (edited) steps as a file in the job's folder on the shared
    /// storage, decided as the in-process queue decides them (`JobRenderInputs`); nil for a first render.
    static func rerenderInputs(video: String, folder: URL, out: String, config: FootfallConfig) throws
        -> FarmRenderInputs?
    {
        guard JobSteps.loadBase(in: folder) != nil else { return nil }
        let request = try JobRenderInputs.request(
            video: video, folder: folder, out: URL(fileURLWithPath: out), config: config,
            wholeClipSurface: config.surface)
        if var document = request.placedSteps {
            // The walker's shoe goes on each of its steps: a worker renders the file alone.
            document.steps = document.steps.map { step in
                var s = step
                s.shoe = s.shoe ?? request.shoes[s.walker]
                return s
            }
            let data = try document.encoded()
            let file = folder.appendingPathComponent(placedStepsFile)
            try AtomicFile.write(data, to: file)
            return FarmRenderInputs(
                placedSteps: file.path, pictureSource: request.pictureSource,
                stepsDigest: FarmRenderInputs.digest(data), request: UUID().uuidString)
        }
        guard let steps = request.stepsFile else { return nil }
        let data = try Data(contentsOf: URL(fileURLWithPath: steps))
        return FarmRenderInputs(
            stepsFile: steps, stepsDigest: FarmRenderInputs.digest(data), request: UUID().uuidString)
    }

    static let placedStepsFile = "farm-render.steps.json"

    /// Reads the job's state from the queue.
    func current(_ job: JobRecord) async -> JobRecord {
        guard let key = job.queueKey, !job.status.isFinished else { return job }
        let status: RenderFarm.JobStatus
        do {
            guard let found = try await queue.statuses(keys: [key])[key] else { return job }
            status = found
        } catch {
            logger.warning(
                "cannot read the job's state from the queue: \((error as? FootfallError)?.description ?? "\(error)")",
                metadata: ["job": "\(job.id)"])
            return job
        }
        switch status.state {
        case .queued:
            return job
        case .running:
            var running = job
            if job.status != .running || job.renderCount != status.attempts {
                running =
                    await store.update(job.id) {
                        $0.status = .running
                        $0.stage = status.worker.map { "rendering on \($0)" } ?? "rendering"
                        $0.progress = 0
                        $0.renderCount = status.attempts
                    } ?? job
            }
            // The stage the worker last wrote to the row ("pose", 0.42): in memory only, as the in-process queue
            // keeps its progress (saving job.json on every look would hammer the shared storage).
            guard let stage = status.stage else { return running }
            let fraction = status.progress ?? 0
            await store.progress(job.id, render: status.attempts, stage: stage, fraction: fraction)
            running.stage = stage
            running.progress = min(max(fraction, 0), 1)
            return running
        case .done:
            return await finish(job, attempts: status.attempts, summary: status.summary)
        case .failed:
            return await store.update(job.id) {
                $0.status = .failed
                $0.error = status.lastError ?? "the render failed on the farm (no error text was recorded)"
                $0.renderCount = status.attempts
            } ?? job
        }
    }

    /// A worker finished: list its files (zipping the stems), keep its steps for the editor, draw the waveform.
    private func finish(_ job: JobRecord, attempts: Int, summary: JobSummary?) async -> JobRecord {
        let folder = await store.folder(of: job.id)
        let out = await store.outputFolder(of: job.id)
        let files: [String]
        do {
            files = try JobOutputs.collect(in: out)
        } catch {
            return await store.update(job.id) {
                $0.status = .failed
                $0.error =
                    "the worker finished but its outputs cannot be read from \(out.path): \(error.localizedDescription)"
                    + "; check that this server sees the workers' storage at the same path"
            } ?? job
        }
        if let name = files.first(where: { $0.hasSuffix(".steps.json") }),
            let data = try? Data(contentsOf: out.appendingPathComponent(name)),
            let document = try? StepsDocument.decode(from: data)
        {
            try? JobOutputs.saveTimeline(document, in: folder)
            // The base is what the first render detected; a re-render of placed steps must not replace it.
            if JobSteps.loadBase(in: folder) == nil {
                try? JobSteps.saveBase(document, in: folder)
                JobSteps.keepPicture(from: out, files: files, in: folder)
            }
        }
        Waveform.save(fromOutputs: files, in: out, to: folder)
        logger.info("render done on the farm", metadata: ["job": "\(job.id)", "files": "\(files.count)"])
        return await store.update(job.id) {
            $0.status = .done
            $0.stage = "done"
            $0.progress = 1
            $0.files = files
            $0.error = nil
            $0.renderCount = attempts
            $0.licence = summary?.licence.map { conditions in
                JobLicence(
                    conditions: conditions,
                    creditsFile: summary?.credits.map { URL(fileURLWithPath: $0).lastPathComponent })
            }
        } ?? job
    }

    /// Deletes the queue's rows of the expired jobs, by their output folder (every render of a job, first and
    /// re-renders, each with its own key, writes to the job's `out/` folder under the storage folder): finished rows
    /// only, so a job another server re-rendered meanwhile keeps its queued or running row.
    func expired(_ ids: [String]) async {
        guard !ids.isEmpty else { return }
        var folders: [String] = []
        for id in ids { folders.append(await store.outputFolder(of: id).path) }
        do {
            let deleted = try await queue.deleteFinished(outputDirs: folders)
            logger.info("deleted \(deleted) finished row(s) of \(ids.count) expired job(s) from the queue")
        } catch {
            let reason = (error as? FootfallError)?.description ?? "\(error)"
            let message =
                "cannot delete the expired jobs' rows from the queue: \(reason); they stay in footfall_jobs (harmless; "
                + "delete the done/failed rows with these output_dir values by hand if wanted)"
            logger.warning(
                "\(message)",
                metadata: ["output_dirs": "\(folders.joined(separator: ","))"])
        }
    }

    /// Workers render; nothing runs in this process.
    func drain() async {}
    func cancelAll() async {}
}
