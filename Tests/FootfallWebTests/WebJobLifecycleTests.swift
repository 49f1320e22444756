import FootfallCore
import Foundation
import Testing

@testable import FootfallWeb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("web job lifecycle")
struct WebJobLifecycleTests {
    @Test func uploadRunsQueuedRunningDoneAndFilesDownload() async throws {
        let folder = try temporaryFolder("life")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clip = try makeClip(in: folder)
        let gate = Gate(open: false)
        let server = try await TestServer.start(data: folder + "/data", gate: gate)

        let (firstData, first) = try await server.upload(clip, fields: ["backend": "procedural", "surface": "gravel"])
        #expect(first.statusCode == 201)
        let id = try #require(json(firstData)["id"] as? String)
        #expect(json(firstData)["status"] as? String == "queued")
        let (secondData, second) = try await server.upload(clip, name: "other clip.mp4")
        #expect(second.statusCode == 201)
        let secondID = try #require(json(secondData)["id"] as? String)

        // One render at a time: the first is held running inside the renderer, the second waits.
        var running: [String: Any] = [:]
        for _ in 0..<100 {
            running = json(try await server.get("/api/jobs/\(id)").0)
            if running["stage"] as? String == "pose" { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(running["status"] as? String == "running")
        #expect(running["progress"] as? Double == 0.25)
        #expect(running["error"] is NSNull)
        let waiting = json(try await server.get("/api/jobs/\(secondID)").0)
        #expect(waiting["status"] as? String == "queued")
        #expect(waiting["queue_position"] as? Int == 0)

        await gate.open()
        await server.server.waitUntilIdle()
        let done = json(try await server.get("/api/jobs/\(id)").0)
        #expect(done["status"] as? String == "done")
        #expect(done["progress"] as? Double == 1)
        let files = try #require(done["files"] as? [String])
        #expect(files == ["clip.footsteps.mp4", "clip.footsteps.wav", "clip.steps.json", "stems.zip"])
        #expect(json(try await server.get("/api/jobs/\(secondID)").0)["status"] as? String == "done")

        let (wav, wavResponse) = try await server.get("/api/jobs/\(id)/files/clip.footsteps.wav")
        #expect(wavResponse.statusCode == 200)
        #expect(String(decoding: wav, as: UTF8.self) == "RIFF fake wav procedural gravel")
        #expect(wavResponse.value(forHTTPHeaderField: "Content-Type") == "audio/wav")
        let (zip, zipResponse) = try await server.get("/api/jobs/\(id)/files/stems.zip")
        #expect(zipResponse.statusCode == 200)
        #expect(zip.prefix(2) == Data("PK".utf8))

        // The pages render with the finished job: player, timeline marks and download links.
        let page = String(decoding: try await server.get("/jobs/\(id)").0, as: UTF8.self)
        #expect(page.contains("<video id=\"player\""))
        #expect(page.contains("class=\"mark left\""))
        #expect(page.contains("files/stems.zip?download=1"))
        #expect(String(decoding: try await server.get("/").0, as: UTF8.self).contains("other clip.mp4"))
        await server.stop()
    }

    @Test func rerenderUsesTheSameUploadWithNewOverrides() async throws {
        let folder = try temporaryFolder("rerender")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = RenderLog()
        let server = try await TestServer.start(data: folder + "/data", log: log)
        let (data, _) = try await server.upload(try makeClip(in: folder))
        let id = try #require(json(data)["id"] as? String)
        await server.server.waitUntilIdle()

        let (accepted, response) = try await server.post(
            "/api/jobs/\(id)/render", body: Data(#"{"backend": "samples", "surface": "wood", "seed": 9}"#.utf8),
            contentType: "application/json")
        #expect(response.statusCode == 202, "\(String(decoding: accepted, as: UTF8.self))")
        await server.server.waitUntilIdle()
        let job = json(try await server.get("/api/jobs/\(id)").0)
        #expect(job["status"] as? String == "done")
        #expect(job["render_count"] as? Int == 2)
        // The second render reuses the first one's steps, surfaces placed: no pose, step or surface pass again.
        let requests = await log.requests
        #expect(requests.count == 2)
        let second = try #require(requests.last)
        #expect(second.stepsFile == nil)
        #expect(second.config.backend == "samples" && second.config.seed == 9)
        #expect(second.placedSteps?.steps.map(\.time) == [0.3, 0.8, 1.3])
        #expect(second.placedSteps?.steps.allSatisfy { $0.surface == "wood" } == true)
        #expect(second.pictureSource?.hasSuffix("picture.mp4") == true)
        let (wav, _) = try await server.get("/api/jobs/\(id)/files/clip.footsteps.wav")
        #expect(wav.prefix(4) == Data("RIFF".utf8) && wav.count > 100_000)
        await server.stop()
    }

    @Test func failedRenderReportsTheErrorAsJSON() async throws {
        let folder = try temporaryFolder("fail")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try await TestServer.start(
            data: folder + "/data", failWith: .failure("the pose model is missing; run make setup"))
        let (data, _) = try await server.upload(try makeClip(in: folder))
        let id = try #require(json(data)["id"] as? String)
        await server.server.waitUntilIdle()
        let job = json(try await server.get("/api/jobs/\(id)").0)
        #expect(job["status"] as? String == "failed")
        #expect(job["error"] as? String == "the pose model is missing; run make setup")
        #expect(job["files"] as? [String] == [])
        await server.stop()
    }

    @Test func finishedJobSurvivesARestartAndRunningOnesFail() async throws {
        let folder = try temporaryFolder("restart")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/data"
        let first = try await TestServer.start(data: data)
        let (body, _) = try await first.upload(try makeClip(in: folder))
        let id = try #require(json(body)["id"] as? String)
        await first.server.waitUntilIdle()
        await first.stop()

        // A job left "running" on disk, as after a crash.
        let stuckID = UUID().uuidString.lowercased()
        var stuck = try JSONDecoder.footfallWeb.decode(
            JobRecord.self, from: Data(contentsOf: URL(fileURLWithPath: "\(data)/\(id)/job.json")))
        stuck.id = stuckID
        stuck.status = .running
        try FileManager.default.createDirectory(atPath: "\(data)/\(stuckID)", withIntermediateDirectories: true)
        try JSONEncoder.footfallWeb.encode(stuck).write(to: URL(fileURLWithPath: "\(data)/\(stuckID)/job.json"))

        let second = try await TestServer.start(data: data)
        let job = json(try await second.get("/api/jobs/\(id)").0)
        #expect(job["status"] as? String == "done")
        #expect((job["files"] as? [String])?.contains("clip.footsteps.mp4") == true)
        let (mp4, response) = try await second.get("/api/jobs/\(id)/files/clip.footsteps.mp4")
        #expect(response.statusCode == 200)
        #expect(mp4.count > 1000)
        let failed = json(try await second.get("/api/jobs/\(stuckID)").0)
        #expect(failed["status"] as? String == "failed")
        #expect((failed["error"] as? String)?.contains("server stopped") == true)

        // Cleanup removes finished jobs past their retention time with their folders, and abandoned uploads.
        let orphan = "\(data)/\(UUID().uuidString.lowercased())"
        try FileManager.default.createDirectory(atPath: orphan + "/upload", withIntermediateDirectories: true)
        let removed = await second.server.removeExpiredJobs(now: Date().addingTimeInterval(8 * 24 * 3600))
        #expect(Set(removed) == [id, stuckID])
        #expect(!FileManager.default.fileExists(atPath: "\(data)/\(id)"))
        #expect(!FileManager.default.fileExists(atPath: orphan))
        #expect(try await second.get("/api/jobs/\(id)").1.statusCode == 404)
        await second.stop()
    }
}
