import FootfallCore
import FootfallTesting
import FootfallWeb
import Foundation
import Logging
import MediaIO
import RenderFarm
import Testing

extension FarmProcessTests {
    /// `footfall serve --queue` in process against a real PostgreSQL: a video uploaded over HTTP is rendered by a
    /// separate `footfall worker` process, and its result is downloaded from the web server; a second web server on
    /// the same storage and queue shows the same job.
    @Suite struct WebOnQueueTests {
        @Test(.timeLimit(.minutes(5))) func anUploadIsRenderedByAWorkerProcessAndDownloadedFromTheServer() async throws
        {
            let fixture = try QueueFixture("webfarm")
            let storage = fixture.folder.appendingPathComponent("storage").path
            let logs = fixture.folder.appendingPathComponent("logs")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            let clipPath = fixture.folder.appendingPathComponent("walk.mp4").path
            try SyntheticClip.make(at: clipPath, width: 160, height: 120, fps: 15, duration: 2)
            let clip = try Data(contentsOf: URL(fileURLWithPath: clipPath))

            var render = FootfallConfig()
            render.backend = "mock"
            render.dry = true
            let config = WebServerConfig(host: "127.0.0.1", port: 0, dataDirectory: storage, render: render)
            let first = try await RunningServer.start(config, queue: try await fixture.queue())
            let second = try await RunningServer.start(config, queue: try await fixture.queue())
            defer {
                Task {
                    await first.stop()
                    await second.stop()
                }
            }
            let worker = try ChildProcess(
                ["worker", "--queue", fixture.url.description, "--lease", "10"], logFolder: logs, label: "worker")
            defer { if worker.process.isRunning { kill(worker.pid, SIGKILL) } }

            let (created, createdStatus) = try await HTTP.upload(clip, name: "walk.mp4", to: first.url("/api/jobs"))
            #expect(createdStatus == 201, "\(String(decoding: created, as: UTF8.self))")
            let id = try #require(HTTP.json(created)["id"] as? String)

            // The job is a row in the queue, its video on the shared storage.
            let rows = try await first.queue.all()
            #expect(rows.count == 1)
            #expect(rows.first?.video.hasPrefix(storage + "/" + id + "/upload/") == true)

            var job: [String: Any] = [:]
            let deadline = Date().addingTimeInterval(180)
            while Date() < deadline {
                job = HTTP.json(try await HTTP.get(first.url("/api/jobs/\(id)")).body)
                if let status = job["status"] as? String, status == "done" || status == "failed" { break }
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(job["status"] as? String == "done", "\(job)\nworker: \(worker.output)")
            let files = job["files"] as? [String] ?? []
            #expect(files.contains("walk.footsteps.wav") && files.contains("walk.footsteps.mp4"), "\(files)")
            #expect(files.contains("walk.steps.json") && files.allSatisfy { !$0.hasPrefix(".") }, "\(files)")

            let (wav, wavStatus) = try await HTTP.get(first.url("/api/jobs/\(id)/files/walk.footsteps.wav"))
            #expect(wavStatus == 200)
            #expect(wav.count > 44 && String(decoding: wav.prefix(4), as: UTF8.self) == "RIFF")
            let (mp4, mp4Status) = try await HTTP.get(first.url("/api/jobs/\(id)/files/walk.footsteps.mp4"))
            #expect(mp4Status == 200 && mp4.count > 1000)
            // The pages show it too.
            let (page, pageStatus) = try await HTTP.get(first.url("/jobs/\(id)"))
            #expect(pageStatus == 200 && String(decoding: page, as: UTF8.self).contains("walk.footsteps.wav"))
            let (index, indexStatus) = try await HTTP.get(second.url("/"))
            #expect(indexStatus == 200 && String(decoding: index, as: UTF8.self).contains(id))
            // The editor reads the steps the worker wrote.
            let (_, stepsStatus) = try await HTTP.get(first.url("/api/jobs/\(id)/steps"))
            #expect(stepsStatus == 200)

            // Another web server on the same storage and queue knows the job and serves its result.
            let seen = HTTP.json(try await HTTP.get(second.url("/api/jobs/\(id)")).body)
            #expect(seen["status"] as? String == "done", "\(seen)")
            let listed = HTTP.json(try await HTTP.get(second.url("/api/jobs")).body)["jobs"] as? [[String: Any]] ?? []
            #expect(listed.map { $0["id"] as? String } == [id])
            let (again, againStatus) = try await HTTP.get(second.url("/api/jobs/\(id)/files/walk.footsteps.wav"))
            #expect(againStatus == 200 && again == wav)

            // Steps edited in the page (two added: nobody walks in the synthetic clip, a walker in boots) are
            // re-rendered by the worker from the edited steps on the shared storage.
            let edits =
                #"{"steps": [{"time": 0.5, "foot": "left"}, {"time": 1.3, "foot": "right"}], "#
                + #""walkers": [{"walker": 0, "shoe": "boots"}]}"#
            let (put, putStatus) = try await HTTP.post(first.url("/api/jobs/\(id)/steps"), json: edits, method: "PUT")
            #expect(putStatus == 200, "\(String(decoding: put, as: UTF8.self))")
            let (rerender, rerenderStatus) = try await HTTP.post(first.url("/api/jobs/\(id)/render"), json: "{}")
            #expect(rerenderStatus == 202, "\(String(decoding: rerender, as: UTF8.self))")
            job = [:]
            while Date() < deadline.addingTimeInterval(120) {
                job = HTTP.json(try await HTTP.get(first.url("/api/jobs/\(id)")).body)
                if let status = job["status"] as? String, status == "done" || status == "failed" { break }
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(job["status"] as? String == "done", "\(job)\nworker: \(worker.output)")
            #expect(try await first.queue.all().count == 2)
            let (edited, editedStatus) = try await HTTP.get(first.url("/api/jobs/\(id)/files/walk.footsteps.wav"))
            #expect(editedStatus == 200)
            let wavPath = fixture.folder.appendingPathComponent("edited.wav")
            try edited.write(to: wavPath)
            let channels = try readAudioFile(path: wavPath.path).channels
            for t in [0.5, 1.3] {
                let found = SyntheticAudio.loudest(near: t, in: channels)
                #expect(abs(found.time - t) <= 0.001, "transient at \(found.time) s for the step at \(t) s")
                #expect(found.level > 0.01)
            }
            let steps = String(
                decoding: try await HTTP.get(first.url("/api/jobs/\(id)/files/walk.steps.json")).body, as: UTF8.self)
            #expect(steps.contains("boots"), "\(steps)")

            kill(worker.pid, SIGTERM)
            #expect(worker.finish(timeout: 60) == 0, "\(worker.output)")
            TestFiles.remove(fixture.folder)
        }
    }
}

/// A web server on a free loopback port, rendering on the farm queue.
final class RunningServer: Sendable {
    let server: WebServer
    let queue: JobQueue
    let port: Int
    let task: Task<Void, any Error>

    static func start(_ config: WebServerConfig, queue: JobQueue) async throws -> RunningServer {
        let server = try await WebServer(
            config: config, renderer: PipelineJobRenderer(), prober: MediaProbeUploadProber(), farm: queue)
        let (port, task) = await server.startListening()
        return RunningServer(server: server, queue: queue, port: port, task: task)
    }

    private init(server: WebServer, queue: JobQueue, port: Int, task: Task<Void, any Error>) {
        self.server = server
        self.queue = queue
        self.port = port
        self.task = task
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func stop() async {
        task.cancel()
        _ = await task.result
        await queue.close()
    }
}
