import CSndfile
import FootfallCore
import Foundation
import Testing

@testable import Sound

@Suite("RunPod backend against a fake server")
struct RunPodBackendTests {
    /// WAV, FLAC and MP3, as workers send them.
    static let formats = [
        Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16), Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16),
        Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III),
    ]

    @Test(arguments: formats)
    func queuedJobCompletesWithBase64Audio(format: Int32) async throws {
        let clip = SyntheticSteps.clip(steps: 6)
        let server = try await RunPodFakeServer.start(
            route: RunPodScenario.jobRoute(final: RunPodScenario.completed(clip.audio, format: format)))
        defer { Task { await server.stop() } }
        let logs = LogCapture()
        let fallback = FallbackSpy()
        let backend = RunPodScenario.backend(server: server, logs: logs, fallback: fallback)
        let requests = RunPodScenario.requests(9)

        let sounds = try await backend.sounds(for: requests)

        #expect(sounds.count == 9)
        #expect(fallback.requestsServed == 0, "\(logs.text)")
        for sound in sounds {
            #expect(sound.audio.sampleRate == 48_000)
            #expect(sound.audio.channelCount == 1)
            #expect(sound.transientIndex > 0 && sound.transientIndex < sound.audio.frameCount)
            #expect(sound.audio.peak > 0.2)
        }
        // Consecutive requests never get the very same step.
        for (a, b) in zip(sounds, sounds.dropFirst()) { #expect(a.audio != b.audio) }
        let run = try #require(server.requests(matching: "/run").first)
        #expect(run.method == "POST")
        #expect(run.path == "/v2/\(RunPodScenario.endpointID)/run")
        #expect(run.headers["authorization"] == "Bearer \(RunPodScenario.apiKey)")
        let input = try #require(run.json?["input"] as? [String: Any])
        let prompt = try #require(input["prompt"] as? String)
        #expect(prompt.contains("loose gravel") && prompt.contains("heavy boots"))
        #expect(input["negative_prompt"] is String)
        #expect((input["seconds_total"] as? Double ?? 0) >= 3)
        #expect(input["steps"] as? Int == 100)
        #expect(input["cfg_scale"] as? Double == 7)
        #expect(input["seed"] is Int)
        #expect(server.requests(matching: "/status/job-1").count == 3)
        #expect(server.requests(matching: "/cancel/").isEmpty)
    }

    @Test func runsyncWithAudioURLAndConfiguredPath() async throws {
        let clip = SyntheticSteps.clip(steps: 4)
        let wav = TestWAV.encode(clip.audio)
        let server = try await RunPodFakeServer.start { request, server in
            if request.path.hasSuffix("/runsync") {
                // A storage URL on another host name than the API's (localhost vs 127.0.0.1).
                return .json([
                    "id": "job-2", "status": "COMPLETED",
                    "output": [["audio_url": "http://localhost:\(server.port)/files/c.wav?sig=abc"]],
                ])
            }
            if request.path.hasPrefix("/files/c.wav") { return RunPodFakeServer.Reply(status: 200, body: wav) }
            return .text("unexpected", status: 500)
        }
        defer { Task { await server.stop() } }
        let backend = RunPodScenario.backend(server: server, logs: LogCapture()) {
            $0.runSyncMaxSeconds = 20
            $0.audioPaths = ["output[0].audio_url"]
        }

        let sounds = try await backend.sounds(for: RunPodScenario.requests(3, surface: .wood, shoe: .heels))

        #expect(sounds.count == 3)
        #expect(server.requests(matching: "/runsync").count == 1)
        #expect(server.requests(matching: "/status/").isEmpty)
        let download = try #require(server.requests(matching: "/files/c.wav").first)
        // Pre-signed storage URLs get no API key: it goes back to RunPod only.
        #expect(download.headers["authorization"] == nil)
    }

    @Test func runsyncStillRunningIsPolled() async throws {
        let clip = SyntheticSteps.clip(steps: 4)
        let polling = RunPodScenario.jobRoute(states: ["IN_PROGRESS"], final: RunPodScenario.completed(clip.audio))
        let server = try await RunPodFakeServer.start { request, server in
            request.path.hasSuffix("/runsync")
                ? .json(["id": "job-1", "status": "IN_PROGRESS"]) : polling(request, server)
        }
        defer { Task { await server.stop() } }
        let backend = RunPodScenario.backend(server: server, logs: LogCapture()) { $0.runSyncMaxSeconds = 20 }

        let sounds = try await backend.sounds(for: RunPodScenario.requests(2))

        #expect(sounds.count == 2)
        #expect(server.requests(matching: "/runsync").count == 1)
        #expect(server.requests(matching: "/status/job-1").count == 2)
    }

    @Test(arguments: ["FAILED", "TIMED_OUT", "CANCELLED"])
    func failedJobFallsBack(state: String) async throws {
        let server = try await RunPodFakeServer.start(
            route: RunPodScenario.jobRoute(final: ["id": "job-1", "status": state, "error": "worker exploded"]))
        defer { Task { await server.stop() } }
        let logs = LogCapture()
        let fallback = FallbackSpy()
        let backend = RunPodScenario.backend(server: server, logs: logs, fallback: fallback)

        let sounds = try await backend.sounds(for: RunPodScenario.requests(4))

        #expect(sounds.count == 4)
        #expect(fallback.requestsServed == 4)
        #expect(logs.text.contains("the RunPod job ended \(state): worker exploded"))
        #expect(logs.text.contains("using the procedural backend"))
    }

    @Test func rateLimitBurstThenSuccess() async throws {
        let clip = SyntheticSteps.clip(steps: 5)
        let normal = RunPodScenario.jobRoute(final: RunPodScenario.completed(clip.audio))
        let server = try await RunPodFakeServer.start { request, server in
            if request.path.hasSuffix("/run"), server.requests(matching: "/run").count <= 3 {
                return RunPodFakeServer.Reply(status: 429, body: Data("slow down".utf8), headers: ["retry-after": "0"])
            }
            if request.path.contains("/status/"), server.requests(matching: "/status/").count == 2 {
                return .text("bad gateway", status: 502)
            }
            return normal(request, server)
        }
        defer { Task { await server.stop() } }
        let logs = LogCapture()
        let fallback = FallbackSpy()
        let backend = RunPodScenario.backend(server: server, logs: logs, fallback: fallback)

        let sounds = try await backend.sounds(for: RunPodScenario.requests(5))

        #expect(sounds.count == 5)
        #expect(fallback.requestsServed == 0, "\(logs.text)")
        #expect(server.requests(matching: "/run").count == 4)
        #expect(logs.text.contains("got HTTP 429; retrying"))
        #expect(logs.text.contains("got HTTP 502; retrying"))
    }

    @Test func rateLimitForeverGivesUpAfterMaxAttempts() async throws {
        let server = try await RunPodFakeServer.start { _, _ in .text("slow down", status: 429) }
        defer { Task { await server.stop() } }
        let backend = RunPodScenario.backend(server: server, logs: LogCapture(), fallback: nil) {
            $0.maxAttempts = 3
        }

        let error = await #expect(throws: FootfallError.self) {
            try await backend.sounds(for: RunPodScenario.requests(2))
        }

        #expect(server.requests.count == 3)
        #expect(error?.description.contains("HTTP 429") == true)
    }

    @Test func slowServerTimesOutAndFallsBack() async throws {
        let server = try await RunPodFakeServer.start { _, _ in .json(["id": "job-1", "status": "IN_QUEUE"], delay: 5) }
        defer { Task { await server.stop() } }
        let logs = LogCapture()
        let fallback = FallbackSpy()
        let backend = RunPodScenario.backend(server: server, logs: logs, fallback: fallback) { $0.timeout = 0.3 }

        let sounds = try await backend.sounds(for: RunPodScenario.requests(3))

        #expect(sounds.count == 3)
        #expect(fallback.requestsServed == 3)
        #expect(logs.text.contains("did not finish within 0.3 s"))
    }

    @Test func jobStuckInProgressIsCancelledOnTimeout() async throws {
        // A machine starved by parallel tests may time out before the client even learns the job id (then there is
        // nothing to cancel), so the limit grows until the client got to poll; from then on a timeout must cancel.
        for timeout in [0.5, 2, 8] {
            let server = try await RunPodFakeServer.start(
                route: RunPodScenario.jobRoute(states: Array(repeating: "IN_PROGRESS", count: 100_000), final: [:]))
            defer { Task { await server.stop() } }
            let fallback = FallbackSpy()
            let backend = RunPodScenario.backend(server: server, logs: LogCapture(), fallback: fallback) {
                $0.timeout = timeout
                $0.pollInterval = 0.02
            }

            _ = try await backend.sounds(for: RunPodScenario.requests(2))

            #expect(fallback.requestsServed == 2)
            guard !server.requests(matching: "/status/job-1").isEmpty else { continue }
            let cancel = try #require(server.requests(matching: "/cancel/job-1").first)
            #expect(cancel.method == "POST")
            #expect(cancel.path == "/v2/\(RunPodScenario.endpointID)/cancel/job-1")
            #expect(cancel.headers["authorization"] == "Bearer \(RunPodScenario.apiKey)")
            return
        }
        Issue.record("the client never got to poll the job, even with an 8 s limit")
    }

    @Test func taskCancellationCancelsTheJob() async throws {
        let server = try await RunPodFakeServer.start(
            route: RunPodScenario.jobRoute(states: Array(repeating: "IN_QUEUE", count: 100_000), final: [:]))
        defer { Task { await server.stop() } }
        let backend = RunPodScenario.backend(server: server, logs: LogCapture()) { $0.pollInterval = 0.01 }
        let task = Task { try await backend.sounds(for: RunPodScenario.requests(2)) }
        while server.requests(matching: "/status/").count < 2 { try await Task.sleep(nanoseconds: 5_000_000) }

        task.cancel()
        let result = await task.result

        #expect(throws: CancellationError.self) { try result.get() }
        #expect(server.requests(matching: "/cancel/job-1").count == 1)
    }

    @Test func malformedJSONFallsBackOrFails() async throws {
        let server = try await RunPodFakeServer.start { _, _ in .text("<html>gateway oops</html>", status: 200) }
        defer { Task { await server.stop() } }
        let logs = LogCapture()
        let fallback = FallbackSpy()

        let sounds = try await RunPodScenario.backend(server: server, logs: logs, fallback: fallback)
            .sounds(for: RunPodScenario.requests(2))
        #expect(sounds.count == 2 && fallback.requestsServed == 2)
        #expect(logs.text.contains("RunPod sent a response Footfall cannot read"))

        let strict = RunPodScenario.backend(server: server, logs: logs, fallback: fallback) { $0.noFallback = true }
        let error = await #expect(throws: FootfallError.self) {
            try await strict.sounds(for: RunPodScenario.requests(2))
        }
        #expect(error?.description.contains("cannot read") == true)
        #expect(error?.description.contains("--no-fallback") == true)
        #expect(fallback.requestsServed == 2)
    }

    @Test func completedWithoutAudioNamesThePathsTried() async throws {
        let server = try await RunPodFakeServer.start(
            route: RunPodScenario.jobRoute(final: ["id": "job-1", "status": "COMPLETED", "output": ["note": "hi"]]))
        defer { Task { await server.stop() } }
        let backend = RunPodScenario.backend(server: server, logs: LogCapture(), fallback: nil) {
            $0.audioPaths = ["output.sound"]
        }

        let error = await #expect(throws: FootfallError.self) {
            try await backend.sounds(for: RunPodScenario.requests(1))
        }

        #expect(error?.description.contains("no audio at output.sound") == true)
        #expect(error?.description.contains("RUNPOD_AUDIO_PATH") == true)
    }

    @Test func silentClipIsRejectedAndFallsBack() async throws {
        let server = try await RunPodFakeServer.start(
            route: RunPodScenario.jobRoute(final: RunPodScenario.completed(SyntheticSteps.silent())))
        defer { Task { await server.stop() } }
        let logs = LogCapture()
        let fallback = FallbackSpy()
        let cache = RunPodScenario.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let backend = RunPodScenario.backend(server: server, cache: cache, logs: logs, fallback: fallback)

        let sounds = try await backend.sounds(for: RunPodScenario.requests(3))

        #expect(sounds.count == 3 && fallback.requestsServed == 3)
        #expect(logs.text.contains("the generated clip was rejected: silent"))
        // A rejected clip is not cached.
        #expect((try? FileManager.default.contentsOfDirectory(atPath: cache.path))?.isEmpty ?? true)
    }

    @Test func secondRenderIsServedFromTheCache() async throws {
        let clip = SyntheticSteps.clip(steps: 6)
        let server = try await RunPodFakeServer.start(
            route: RunPodScenario.jobRoute(final: RunPodScenario.completed(clip.audio)))
        defer { Task { await server.stop() } }
        let cache = RunPodScenario.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cache) }
        let requests = RunPodScenario.requests(8) + RunPodScenario.requests(3, surface: .snow, shoe: .sneaker)

        let first = try await RunPodScenario.backend(server: server, cache: cache, logs: LogCapture())
            .sounds(for: requests)
        let seen = server.requests.count
        let logs = LogCapture()
        let second = try await RunPodScenario.backend(server: server, cache: cache, logs: logs).sounds(for: requests)

        #expect(server.requests(matching: "/run").count == 2)
        #expect(server.requests.count == seen)
        #expect(second == first)
        #expect(logs.text.contains("from the cache"))
    }

    @Test func groupsBySurfaceAndKeepsRequestOrder() async throws {
        let loud = SyntheticSteps.clip(steps: 5, amplitude: 0.8)
        let soft = SyntheticSteps.clip(steps: 5, amplitude: 0.1, seed: 2)
        let loudReply = RunPodFakeServer.Reply.json(RunPodScenario.completed(loud.audio))
        let softReply = RunPodFakeServer.Reply.json(RunPodScenario.completed(soft.audio))
        let server = try await RunPodFakeServer.start { request, _ in
            if request.path.hasSuffix("/run") {
                let prompt = (request.json?["input"] as? [String: Any])?["prompt"] as? String ?? ""
                return .json(["id": prompt.contains("wooden") ? "job-wood" : "job-tile", "status": "IN_QUEUE"])
            }
            return request.path.hasSuffix("/job-wood") ? loudReply : softReply
        }
        defer { Task { await server.stop() } }
        let requests = (0..<10).map { i in
            SoundRequest(surface: i % 3 == 0 ? .tile : .wood, foot: .left, seed: UInt64(i))
        }

        let sounds = try await RunPodScenario.backend(server: server, logs: LogCapture()).sounds(for: requests)

        #expect(server.requests(matching: "/run").count == 2)
        for (request, sound) in zip(requests, sounds) {
            if request.surface == .wood { #expect(sound.audio.peak > 0.35) } else { #expect(sound.audio.peak < 0.2) }
        }
    }
}
