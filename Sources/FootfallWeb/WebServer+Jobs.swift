import FootfallCore
import Foundation
import Hummingbird

extension WebServer {
    /// Receives an upload (streamed to disk), checks it is a video within the limits, and queues its render.
    func createJob(from request: Request) async throws -> JobRecord {
        guard await !queue.isFull() else {
            throw APIError(.serviceUnavailable, "the render queue is full; try again in a few minutes")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > config.maxUploadBytes + 64 * 1024 {
            throw UploadReceiver(limit: config.maxUploadBytes).tooLarge()
        }
        let boundary = try UploadReceiver.boundary(from: request.headers[.contentType])
        let id = UUID().uuidString.lowercased()
        let folder = await store.folder(of: id)
        let uploadFolder = folder.appendingPathComponent("upload", isDirectory: true)
        var keep = false
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        try FileManager.default.createDirectory(at: uploadFolder, withIntermediateDirectories: true)

        let incoming = uploadFolder.appendingPathComponent(".incoming")
        let upload = try await UploadReceiver(limit: config.maxUploadBytes)
            .receive(request.body, boundary: boundary, into: incoming)
        let overrides = try RenderOverrides.parse(upload.fields, backends: renderer.backendNames)
        let info = try probe(incoming.path, name: upload.originalName)
        let storedName = "upload/" + upload.originalName.safeFileName
        try FileManager.default.moveItem(at: incoming, to: folder.appendingPathComponent(storedName))

        let record = JobRecord(
            id: id,
            upload: UploadInfo(
                originalName: upload.originalName, storedName: storedName, bytes: upload.bytes, width: info.width,
                height: info.height, duration: info.duration, frameRate: info.frameRate),
            overrides: overrides)
        await store.insert(record)
        do {
            try await queue.submit(record)
        } catch {
            await store.remove(id)
            throw error
        }
        keep = true
        logger.info("job created", metadata: ["job": "\(id)", "bytes": "\(upload.bytes)"])
        return record
    }

    /// Trusts the content, not the name: FFmpeg must find a video stream, and it must be short enough.
    func probe(_ path: String, name: String) throws -> VideoInfo {
        let info: VideoInfo
        do {
            info = try prober.probe(path)
        } catch {
            // The prober names the stored path; people know the file by the name they uploaded.
            let reason = ((error as? FootfallError)?.description ?? "\(error)")
                .replacingOccurrences(of: "'\(path)'", with: "the file").replacingOccurrences(
                    of: path, with: "the file")
            throw APIError.badRequest(
                "'\(name)' is not a video Footfall can read. Choose an MP4, MOV or AVI video and upload it again. "
                    + "(Details: \(reason))")
        }
        guard info.duration <= config.maxDurationSeconds else {
            throw APIError.badRequest(
                "'\(name)' is \(Int(info.duration.rounded())) s long; this server takes videos up to "
                    + "\(Int(config.maxDurationSeconds)) s — trim it first")
        }
        return info
    }

    /// Queues a new render of a job's upload with new overrides (the previous outputs are replaced).
    func rerender(_ id: String, overrides: RenderOverrides) async throws -> JobRecord {
        let job = try await job(id)
        guard job.status.isFinished, await !queue.isActive(id) else {
            throw APIError(.conflict, "job \(id) is still \(job.status.rawValue); wait until it has finished")
        }
        guard await !queue.isFull() else {
            throw APIError(.serviceUnavailable, "the render queue is full; try again in a few minutes")
        }
        guard
            let updated = await store.update(
                id,
                {
                    $0.status = .queued
                    $0.stage = nil
                    $0.progress = 0
                    $0.error = nil
                    $0.overrides = overrides
                    // The farm's previous job is done: its state must not be read as this render's.
                    $0.queueKey = nil
                })
        else { throw APIError.notFound("no job '\(id)'") }
        try await queue.submit(updated)
        return updated
    }

    func view(_ job: JobRecord) async -> JobView {
        JobView(job: job, queuePosition: job.status == .queued ? await queue.position(of: job.id) : nil)
    }

    /// A download of the stems archive waits for the stems the job's render left to write after it was done (a few
    /// seconds at most); other files are there when the job is done.
    func waitForLateFile(_ job: JobRecord, name: String, path: String) async throws {
        guard name == JobOutputs.stemsArchive else { return }
        do {
            try await queue.stemsWritten(job.id)
        } catch is CancellationError {
            throw APIError(
                .conflict, "job \(job.id) is rendering again; its stems can be downloaded when that render is done")
        } catch {
            throw APIError(.internalServerError, "the stems of job \(job.id) could not be written: \(error)")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw APIError.notFound(
                "the stems of job \(job.id) were not finished (the server stopped while writing them); render again to make them"
            )
        }
    }

    /// Path of a listed output file; names not in the job's list are refused, so no path can escape the folder.
    func outputPath(_ job: JobRecord, name: String) async throws -> String {
        guard job.files.contains(name), !name.contains("/"), !name.hasPrefix(".") else {
            throw APIError.notFound(
                "job \(job.id) has no file '\(name)'; files: \(job.files.isEmpty ? "none yet" : job.files.joined(separator: ", "))"
            )
        }
        return await store.outputFolder(of: job.id).appendingPathComponent(name).path
    }
}
