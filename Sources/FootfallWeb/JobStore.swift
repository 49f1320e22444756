import FootfallCore
import Foundation
import Logging

/// Jobs in memory, each mirrored to `DIR/<id>/job.json` whenever its status changes, so a restarted server
/// still shows finished results.
actor JobStore {
    let directory: URL
    private var jobs: [String: JobRecord] = [:]
    private let logger = Logger(label: "footfall.web")

    init(directory: String) throws {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        } catch {
            throw FootfallError.badInput(
                "cannot create the data folder \(directory): \(error.localizedDescription); choose another with --data")
        }
    }

    func folder(of id: String) -> URL { directory.appendingPathComponent(id, isDirectory: true) }
    func outputFolder(of id: String) -> URL { folder(of: id).appendingPathComponent("out", isDirectory: true) }

    /// Reads every `job.json` under the data folder not read yet. Jobs that were rendering in this server when it
    /// stopped are marked failed (their partial outputs cannot be trusted); queued ones are returned to be queued
    /// again. With `rendersHere` false (the jobs render on the farm, and other servers may share the folder) the
    /// records are read as they are.
    func loadFromDisk(rendersHere: Bool = true) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var requeue: [(Date, String)] = []
        for name in entries where UUID(uuidString: name) != nil && jobs[name] == nil {
            guard var job = read(name) else {
                // Another server may be receiving this upload right now: only its job.json makes it a job.
                if rendersHere { logger.warning("skipping unreadable job folder", metadata: ["job": "\(name)"]) }
                continue
            }
            if !rendersHere {
                jobs[job.id] = job
                continue
            }
            if job.status == .running {
                job.status = .failed
                job.error = "The server stopped while this job was rendering. Choose Re-render to try again."
                job.updatedAt = Date()
                persist(job)
            } else if job.status == .queued {
                requeue.append((job.createdAt, job.id))
            }
            jobs[job.id] = job
        }
        return requeue.sorted { $0.0 < $1.0 }.map(\.1)
    }

    func get(_ id: String) -> JobRecord? { jobs[id] }

    /// The job, read from its folder when this server has not seen it yet (another server on the same storage
    /// created it).
    func getOrLoad(_ id: String) -> JobRecord? {
        if let job = jobs[id] { return job }
        guard let job = read(id) else { return nil }
        jobs[id] = job
        return job
    }

    func remove(_ id: String) { jobs[id] = nil }

    private func read(_ id: String) -> JobRecord? {
        let file = folder(of: id).appendingPathComponent("job.json")
        guard let data = try? Data(contentsOf: file),
            let job = try? JSONDecoder.footfallWeb.decode(JobRecord.self, from: data), job.id == id
        else { return nil }
        return job
    }

    func all() -> [JobRecord] { jobs.values.sorted { $0.createdAt > $1.createdAt } }

    func insert(_ job: JobRecord) {
        jobs[job.id] = job
        persist(job)
    }

    /// Changes a job and saves it. Returns the new record, or nil when the job is gone.
    @discardableResult
    func update(_ id: String, save: Bool = true, _ change: (inout JobRecord) -> Void) -> JobRecord? {
        guard var job = jobs[id] else { return nil }
        change(&job)
        job.updatedAt = Date()
        jobs[id] = job
        if save { persist(job) }
        return job
    }

    /// Live progress: kept in memory only (saving on every tick would hammer the disk), and ignored once
    /// the render it belongs to has ended.
    func progress(_ id: String, render: Int, stage: String, fraction: Double) {
        guard var job = jobs[id], job.status == .running, job.renderCount == render else { return }
        job.stage = stage
        job.progress = min(max(fraction, 0), 1)
        jobs[id] = job
    }

    /// Deletes finished jobs not touched for `age` seconds, with their folders. Returns the ids removed.
    func removeFinished(olderThan age: Double, now: Date = Date()) -> [String] {
        let old = jobs.values.filter { $0.status.isFinished && now.timeIntervalSince($0.updatedAt) > age }
        removeOrphans(olderThan: age, now: now)
        for job in old {
            jobs[job.id] = nil
            do {
                try FileManager.default.removeItem(at: folder(of: job.id))
            } catch {
                logger.warning("could not delete old job folder: \(error)", metadata: ["job": "\(job.id)"])
            }
        }
        return old.map(\.id)
    }

    /// Job folders without a job (an upload cut off by a crash) are deleted once they are old, never while an
    /// upload may still be writing to them.
    private func removeOrphans(olderThan age: Double, now: Date) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
        where UUID(uuidString: name) != nil && jobs[name] == nil {
            let folder = folder(of: name)
            guard let modified = (try? fm.attributesOfItem(atPath: folder.path))?[.modificationDate] as? Date,
                now.timeIntervalSince(modified) > age
            else { continue }
            try? fm.removeItem(at: folder)
            logger.info("deleted an abandoned upload folder", metadata: ["folder": "\(name)"])
        }
    }

    private func persist(_ job: JobRecord) {
        let file = folder(of: job.id).appendingPathComponent("job.json")
        do {
            let data = try JSONEncoder.footfallWeb.encode(job)
            try AtomicFile.write(data, to: file)
        } catch {
            logger.error("could not save job state: \(error)", metadata: ["job": "\(job.id)"])
        }
    }
}

enum AtomicFile {
    /// Writes next to the target then renames, so readers never see half a file.
    static func write(_ data: Data, to url: URL) throws {
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID()).tmp")
        try data.write(to: temp)
        guard rename(temp.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temp)
            throw FootfallError.failure("could not rename \(temp.path) to \(url.path) (errno \(errno))")
        }
    }
}
