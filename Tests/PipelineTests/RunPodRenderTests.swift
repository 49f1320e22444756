import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import Pipeline

/// `render --backend runpod` end to end against scripts/runpod-fake-server.py on loopback, and against a server
/// that is not there (the render still finishes, with procedural sounds).
@Suite struct RunPodRenderTests {
    func request(dir: URL, port: Int, cache: URL, timeout: Int = 30) throws -> RenderRequest {
        let video = dir.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 2)
        let steps = try RenderPipelineTests.stepsFile(in: dir, times: [0.3, 0.8, 1.3, 1.8])
        var config = FootfallConfig()
        config.backend = "runpod"
        config.surface = "gravel"
        var r = RenderRequest(
            video: video, outputDirectory: dir.appendingPathComponent("out").path, config: config, stepsFile: steps)
        r.environment = [
            "RUNPOD_API_KEY": "test-key-123", "RUNPOD_ENDPOINT_ID": "fake",
            "RUNPOD_BASE_URL": "http://127.0.0.1:\(port)/v2", "RUNPOD_POLL_INTERVAL": "0.05",
            "RUNPOD_TIMEOUT": "\(timeout)",
            "RUNPOD_MAX_ATTEMPTS": "2", "FOOTFALL_CACHE_DIR": cache.path,
        ]
        return r
    }

    func cachedClips(_ cache: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("runpod").path)) ?? []
    }

    @Test func rendersWithTheFakeServer() async throws {
        let dir = try TestFiles.temporaryDirectory("runpod-render")
        defer { TestFiles.remove(dir) }
        let port = Int.random(in: 30_000...60_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = [
            "python3", BadInputCorpus.repository.appendingPathComponent("scripts/runpod-fake-server.py").path,
            "\(port)",
        ]
        server.standardError = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        try await Task.sleep(for: .milliseconds(700))
        let cache = dir.appendingPathComponent("cache")
        let result = try await RenderPipeline().render(try request(dir: dir, port: port, cache: cache))
        #expect(result.document.render?.backend == "runpod")
        #expect(result.document.steps.count == 4)
        #expect(!cachedClips(cache).isEmpty, "the clip came from the server and was cached")
        let json = try String(contentsOfFile: result.outputs.first { $0.hasSuffix(".steps.json") }!, encoding: .utf8)
        #expect(!json.contains("test-key-123"))
    }

    @Test func unreachableServerFallsBackAndFinishes() async throws {
        let dir = try TestFiles.temporaryDirectory("runpod-down")
        defer { TestFiles.remove(dir) }
        let cache = dir.appendingPathComponent("cache")
        // Port 9 (discard) on loopback: nothing listens, connections are refused at once.
        let result = try await RenderPipeline().render(try request(dir: dir, port: 9, cache: cache, timeout: 3))
        #expect(result.document.steps.count == 4)
        #expect(cachedClips(cache).isEmpty)
        #expect(result.outputs.contains { $0.hasSuffix(".footsteps.wav") })
    }
}
