import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import Pipeline

/// `render --backend runpod` when RunPod is down, failing or refusing the key: the render finishes with procedural
/// sounds and says so in its warnings, quickly, with RunPod's default 300 s timeout in force.
@Suite struct RunPodFaultRenderTests {
    static func request(
        in dir: URL, baseURL: String, settings: [String: String] = [:], steps: [Double] = [0.3, 0.8, 1.3, 1.8]
    ) throws -> RenderRequest {
        let video = dir.appendingPathComponent("clip.mp4").path
        if !FileManager.default.fileExists(atPath: video) { _ = try SyntheticClip.make(at: video, duration: 2) }
        var config = FootfallConfig()
        config.backend = "runpod"
        config.surface = "gravel"
        var r = RenderRequest(
            video: video, outputDirectory: dir.appendingPathComponent("out").path, config: config,
            stepsFile: try RenderPipelineTests.stepsFile(in: dir, times: steps), force: true)
        r.environment = [
            "RUNPOD_API_KEY": "fault-test-key", "RUNPOD_ENDPOINT_ID": "fake", "RUNPOD_BASE_URL": baseURL,
            "FOOTFALL_CACHE_DIR": dir.appendingPathComponent("cache").path,
        ].merging(settings) { $1 }
        return r
    }

    /// Below the request timeout (100 s), so that waiting out one request's timeout fails, and far below
    /// RUNPOD_TIMEOUT (300 s); far above the ~4 s these take alone, because a test runner starved by parallel
    /// CPU-bound tests on a loaded 2-core machine took 87 s.
    static let bound = 95.0

    static func soundSeconds(_ result: RenderResult) -> Double {
        result.timings.entries.first { $0.stage == "sound" }?.seconds ?? .infinity
    }

    @Test func serverDownFallsBackInSecondsNotMinutes() async throws {
        let dir = try TestFiles.temporaryDirectory("runpod-refused")
        defer { TestFiles.remove(dir) }
        // Port 9 (discard) on loopback: nothing listens, every connection is refused.
        let result = try await RenderPipeline().render(try Self.request(in: dir, baseURL: "http://127.0.0.1:9/v2"))

        #expect(result.document.steps.count == 4)
        #expect(result.outputs.contains { $0.hasSuffix(".footsteps.wav") })
        // Before: every try waited for its connection deadline (10 s+, up to RUNPOD_TIMEOUT); now a few quick tries
        // (about 4 s alone; the bound leaves room for a test runner starved by parallel CPU-bound tests).
        #expect(Self.soundSeconds(result) < Self.bound, "the sound stage took \(Self.soundSeconds(result)) s")
        let warning = try #require(result.warnings.first { $0.hasPrefix("runpod backend failed") })
        #expect(warning.contains("connection refused by 127.0.0.1:9"), "\(warning)")
        #expect(warning.contains("RUNPOD_BASE_URL") && warning.contains("procedural sounds for all 4 steps"))
        #expect(!warning.contains("\n") && !warning.contains("fault-test-key"))
    }

    @Test func unresolvableHostFallsBackQuickly() async throws {
        let dir = try TestFiles.temporaryDirectory("runpod-dns")
        defer { TestFiles.remove(dir) }
        // `.invalid` never resolves (RFC 2606), offline or not.
        let result = try await RenderPipeline().render(
            try Self.request(in: dir, baseURL: "http://runpod.footfall-test.invalid/v2"))
        #expect(Self.soundSeconds(result) < Self.bound, "the sound stage took \(Self.soundSeconds(result)) s")
        let warning = try #require(result.warnings.first { $0.hasPrefix("runpod backend failed") })
        #expect(warning.contains("runpod.footfall-test.invalid"), "\(warning)")
    }

    @Test func tlsFailureIsNotRetried() async throws {
        let dir = try TestFiles.temporaryDirectory("runpod-tls")
        defer { TestFiles.remove(dir) }
        // https to a server that only speaks plain HTTP: the TLS handshake fails.
        let server = try await LoopbackRunPod.start { _, _ in .init(status: 200, body: "{}") }
        defer { Task { await server.stop() } }
        let url = server.baseURL.replacingOccurrences(of: "http://", with: "https://")

        let result = try await RenderPipeline().render(try Self.request(in: dir, baseURL: url))

        #expect(Self.soundSeconds(result) < Self.bound, "the sound stage took \(Self.soundSeconds(result)) s")
        let warning = try #require(result.warnings.first { $0.hasPrefix("runpod backend failed") })
        #expect(warning.contains("TLS handshake with 127.0.0.1:\(server.port) failed"), "\(warning)")
    }

    @Test func aSlowServerIsWaitedForLongerThanTheConnectBudget() async throws {
        let dir = try TestFiles.temporaryDirectory("runpod-slow")
        defer { TestFiles.remove(dir) }
        var job = try LoopbackRunPod.completedJob()
        job["id"] = "job-slow"
        let answer = LoopbackRunPod.Reply.json(job)
        let server = try await LoopbackRunPod.start { _, _ in
            LoopbackRunPod.Reply(status: answer.status, body: answer.body, delay: 3)
        }
        defer { Task { await server.stop() } }
        let request = try Self.request(
            in: dir, baseURL: server.baseURL,
            settings: ["RUNPOD_CONNECT_BUDGET": "1", "RUNPOD_RUNSYNC_MAX_SECONDS": "47"])

        let result = try await RenderPipeline().render(request)

        #expect(result.warnings.allSatisfy { !$0.hasPrefix("runpod backend failed") }, "\(result.warnings)")
        #expect(server.requests.count == 1)
    }

    @Test func serverErrorsAreRetriedThenFallBack() async throws {
        let dir = try TestFiles.temporaryDirectory("runpod-500")
        defer { TestFiles.remove(dir) }
        let server = try await LoopbackRunPod.start { _, _ in .init(status: 503, body: "upstream overloaded") }
        defer { Task { await server.stop() } }
        let request = try Self.request(in: dir, baseURL: server.baseURL, settings: ["RUNPOD_MAX_ATTEMPTS": "3"])

        let result = try await RenderPipeline().render(request)

        #expect(server.requests.count == 3, "3 attempts, then the fallback")
        let warning = try #require(result.warnings.first { $0.hasPrefix("runpod backend failed") })
        #expect(warning.contains("HTTP 503: upstream overloaded") && warning.contains("procedural"), "\(warning)")
    }

    @Test func rejectedKeySaysWhatToCheckWithoutRetrying() async throws {
        let dir = try TestFiles.temporaryDirectory("runpod-401")
        defer { TestFiles.remove(dir) }
        let server = try await LoopbackRunPod.start { _, _ in .init(status: 401, body: "{\"error\":\"unauthorized\"}") }
        defer { Task { await server.stop() } }

        let result = try await RenderPipeline().render(try Self.request(in: dir, baseURL: server.baseURL))

        #expect(server.requests.count == 1)
        let warning = try #require(result.warnings.first { $0.hasPrefix("runpod backend failed") })
        #expect(warning.contains("RunPod rejected the API key (401): check RUNPOD_API_KEY"), "\(warning)")

        // With --no-fallback the render fails (exit code 1) with the same reason.
        var strict = try Self.request(in: dir, baseURL: server.baseURL)
        strict.noFallback = true
        do {
            _ = try await RenderPipeline().render(strict)
            Issue.record("--no-fallback should fail the render")
        } catch let error as FootfallError {
            #expect(error.exitCode == 1)
            #expect(error.description.contains("check RUNPOD_API_KEY"), "\(error)")
            #expect(error.description.contains("without --no-fallback"), "\(error)")
        }
    }

    @Test func severalSurfacesWaitForADeadServerOnlyOnce() async throws {
        let dir = try TestFiles.temporaryDirectory("runpod-groups")
        defer { TestFiles.remove(dir) }
        let server = try await LoopbackRunPod.start { _, _ in .init(status: 401, body: "no") }
        defer { Task { await server.stop() } }
        var request = try Self.request(
            in: dir, baseURL: server.baseURL, settings: ["RUNPOD_MAX_CONCURRENT_JOBS": "1"])
        request.config.surface = nil
        request.stepsFile = try Self.stepsFile(in: dir, surfaces: ["gravel", "wood", "tile", "sand"])

        let result = try await RenderPipeline().render(request)

        // Four surface groups: the first learns the key is refused, the other three fall back without asking.
        #expect(server.requests.count == 1)
        let warnings = result.warnings.filter { $0.hasPrefix("runpod backend failed") }
        #expect(warnings.count == 1 && warnings[0].contains("all 4 steps"), "\(warnings)")
    }

    /// Steps at 0.3, 0.7, … s, each on its own surface (set as user overrides, which surface detection keeps).
    static func stepsFile(in dir: URL, surfaces: [String]) throws -> String {
        let times = surfaces.indices.map { 0.3 + Double($0) * 0.4 }
        let steps = times.enumerated().map { i, t in
            StepEvent(
                time: t, frame: Int(t * 30), walker: 1, foot: i % 2 == 0 ? .left : .right, confidence: 1,
                position: Point2D(x: 100, y: 200), walkerHeight: 150)
        }
        let segments = zip(times, surfaces).map { t, surface in
            SurfaceSegment(
                walker: nil, start: t - 0.2, end: t + 0.2, surface: surface, confidence: 1, source: .override)
        }
        let doc = StepsDocument(
            video: .init(file: "clip.mp4", width: 320, height: 240, duration: 2, frameRate: 30), steps: steps,
            surfaces: segments)
        let path = dir.appendingPathComponent("surfaces.steps.json").path
        try doc.encoded().write(to: URL(fileURLWithPath: path))
        return path
    }
}
