import AsyncHTTPClient
import CSndfile
import FootfallCore
import Foundation
import Logging
import NIOPosix

@testable import Sound

/// Shared setup for the RunPod tests: a key to look for, fast timings, a temporary cache, canned routes.
enum RunPodScenario {
    static let apiKey = "rp_TESTKEY_9f8e7d6c5b4a3210"
    static let endpointID = "ep-footsteps"

    /// Event loops of the fake servers and the client under test, apart from the process-wide singleton, so other
    /// tests' work on shared loops cannot stall these timing-sensitive exchanges. Never shut down (process lifetime).
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    static let http = HTTPClient(eventLoopGroup: eventLoops)

    static func config(server: RunPodFakeServer, cache: URL?) -> RunPodConfig {
        var c = RunPodConfig(apiKey: apiKey, endpointID: endpointID, baseURL: server.baseURL)
        c.pollInterval = 0.005
        c.backoffBase = 0.005
        c.backoffMax = 0.05
        // Generous: parallel CPU-heavy tests can starve the 2-core cooperative pool for seconds. The timeout tests
        // set their own short limits.
        c.timeout = 120
        c.requestTimeout = 120
        c.runSyncMaxSeconds = 0
        c.cacheDirectory = cache
        return c
    }

    static func backend(
        server: RunPodFakeServer, cache: URL? = nil, logs: LogCapture,
        fallback: (any SoundBackend)? = FallbackSpy(),
        configure: (inout RunPodConfig) -> Void = { _ in }
    ) -> RunPodBackend {
        var c = config(server: server, cache: cache)
        configure(&c)
        return RunPodBackend(config: c, fallback: fallback, logger: logs.logger, http: http)
    }

    static func requests(
        _ count: Int, surface: SurfaceKind = .gravel, shoe: ShoeKind = .boots, firstSeed: UInt64 = 100
    ) -> [SoundRequest] {
        (0..<count).map { i in
            SoundRequest(surface: surface, shoe: shoe, foot: i % 2 == 0 ? .left : .right, seed: firstSeed + UInt64(i))
        }
    }

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("footfall-runpod-test-\(UUID())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `/run` queues job-1; each `/status` poll walks through `states`, then answers `final`.
    static func jobRoute(states: [String] = ["IN_QUEUE", "IN_PROGRESS"], final: [String: Any])
        -> RunPodFakeServer.Route
    {
        let finalReply = RunPodFakeServer.Reply.json(final)
        return { request, server in
            if request.path.hasSuffix("/run") || request.path.hasSuffix("/runsync") {
                return .json(["id": "job-1", "status": "IN_QUEUE"])
            }
            if request.path.contains("/cancel/") { return .json(["id": "job-1", "status": "CANCELLED"]) }
            if request.path.contains("/status/job-1") {
                let polls = server.requests(matching: "/status/").count
                return polls <= states.count ? .json(["id": "job-1", "status": states[polls - 1]]) : finalReply
            }
            return .text("not found", status: 404)
        }
    }

    static func completed(_ audio: AudioBuffer, format: Int32 = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16))
        -> [String: Any]
    {
        ["id": "job-1", "status": "COMPLETED", "output": ["audio": TestWAV.base64(audio, format: format)]]
    }
}
