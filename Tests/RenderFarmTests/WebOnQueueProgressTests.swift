import FootfallCore
import FootfallTesting
import FootfallWeb
import Foundation
import RenderFarm
import Testing

/// `serve --queue` against a real PostgreSQL, the test holding the jobs as a worker would (no render runs): the
/// stage a worker writes to a running job's row shows in `GET /api/jobs/ID`, and expiring a finished job deletes
/// its rows from the queue, never a running job's.
@Suite struct WebOnQueueProgressTests {
    @Test(.timeLimit(.minutes(3))) func aRunningJobShowsItsStageAndAnExpiredJobsRowsAreDeleted() async throws {
        let fixture = try QueueFixture("webprogress")
        let storage = fixture.folder.appendingPathComponent("storage").path
        let clipPath = fixture.folder.appendingPathComponent("walk.mp4").path
        try SyntheticClip.make(at: clipPath, width: 160, height: 120, fps: 15, duration: 1)
        let clip = try Data(contentsOf: URL(fileURLWithPath: clipPath))
        var render = FootfallConfig()
        render.backend = "mock"
        render.dry = true
        let retention: Double = 3600
        let config = WebServerConfig(
            host: "127.0.0.1", port: 0, dataDirectory: storage, jobRetentionSeconds: retention, render: render)
        let server = try await RunningServer.start(config, queue: try await fixture.queue())
        let worker = try await fixture.queue()
        defer {
            Task {
                await server.stop()
                await worker.close()
            }
        }

        var ids: [String] = []
        for _ in 0..<2 {
            let (created, status) = try await HTTP.upload(clip, name: "walk.mp4", to: server.url("/api/jobs"))
            #expect(status == 201, "\(String(decoding: created, as: UTF8.self))")
            ids.append(try #require(HTTP.json(created)["id"] as? String))
        }
        let (expiring, running) = (ids[0], ids[1])

        // The first job renders "on a worker": its stage and fraction show on the page's JSON.
        let first = try #require(try await worker.claim(worker: "test-worker", lease: 60))
        #expect(first.outputDir == storage + "/" + expiring + "/out")
        var job = HTTP.json(try await HTTP.get(server.url("/api/jobs/\(expiring)")).body)
        #expect(job["status"] as? String == "running", "\(job)")
        #expect(job["stage"] as? String == "rendering on test-worker", "\(job)")
        #expect(try await worker.report(first, worker: "test-worker", stage: "pose", fraction: 0.42))
        job = HTTP.json(try await HTTP.get(server.url("/api/jobs/\(expiring)")).body)
        #expect(job["status"] as? String == "running" && job["stage"] as? String == "pose", "\(job)")
        #expect(job["progress"] as? Double == 0.42, "\(job)")
        #expect(try await worker.report(first, worker: "test-worker", stage: "sound", fraction: 0.5))
        job = HTTP.json(try await HTTP.get(server.url("/api/jobs/\(expiring)")).body)
        #expect(job["stage"] as? String == "sound" && job["progress"] as? Double == 0.5, "\(job)")
        let (page, _) = try await HTTP.get(server.url("/jobs/\(expiring)"))
        #expect(String(decoding: page, as: UTF8.self).contains("Making footstep sounds"))

        // It fails; an earlier render of the same job (another key, the same output folder) is done: two finished
        // rows. The second job is running.
        #expect(try await worker.fail(first, worker: "test-worker", error: "decoder said no", permanent: true))
        try await worker.enqueue(video: first.video, outputDir: first.outputDir, options: #"{"earlier":1}"#)
        let second = try #require(try await worker.claim(worker: "test-worker", lease: 60))
        #expect(second.outputDir == storage + "/" + running + "/out")
        let earlier = try #require(try await worker.claim(worker: "test-worker", lease: 60))
        #expect(earlier.outputDir == first.outputDir)
        #expect(try await worker.complete(earlier, worker: "test-worker"))
        #expect(try await worker.all().count == 3)

        // Past the retention time the failed job goes, with its rows; the running job and its row stay.
        let removed = await server.server.removeExpiredJobs(now: Date().addingTimeInterval(retention * 2))
        #expect(removed == [expiring])
        let rows = try await worker.all()
        #expect(rows.count == 1, "\(rows)")
        #expect(rows.first?.video.hasPrefix(storage + "/" + running + "/") == true)
        #expect(rows.first?.status.state == .running)
        let (_, goneStatus) = try await HTTP.get(server.url("/api/jobs/\(expiring)"))
        #expect(goneStatus == 404)
        let kept = HTTP.json(try await HTTP.get(server.url("/api/jobs/\(running)")).body)
        #expect(kept["status"] as? String == "running", "\(kept)")
        TestFiles.remove(fixture.folder)
    }
}
