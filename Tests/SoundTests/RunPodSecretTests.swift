import FootfallCore
import Foundation
import Testing

@testable import Sound

@Suite("RunPod API key never leaks")
struct RunPodSecretTests {
    @Test func wrongKeyGivesAClearErrorAndFallsBack() async throws {
        // The server echoes the key back, as some gateways do in their error pages.
        let server = try await RunPodFakeServer.start { request, _ in
            .text("invalid token \(request.headers["authorization"] ?? "")", status: 401)
        }
        defer { Task { await server.stop() } }
        let logs = LogCapture()
        let fallback = FallbackSpy()
        let backend = RunPodScenario.backend(server: server, logs: logs, fallback: fallback)

        let sounds = try await backend.sounds(for: RunPodScenario.requests(3))

        #expect(sounds.count == 3 && fallback.requestsServed == 3)
        #expect(server.requests.count == 1)  // 401 is not retried
        #expect(logs.text.contains("RunPod rejected the API key (401): check RUNPOD_API_KEY"))
        #expect(!logs.text.contains(RunPodScenario.apiKey))

        let strict = RunPodScenario.backend(server: server, logs: logs, fallback: nil)
        let error = await #expect(throws: FootfallError.self) {
            try await strict.sounds(for: RunPodScenario.requests(1))
        }
        let message = try #require(error?.description)
        #expect(message.contains("RunPod rejected the API key (401): check RUNPOD_API_KEY"))
        #expect(!message.contains(RunPodScenario.apiKey))
        #expect(!String(reflecting: try #require(error)).contains(RunPodScenario.apiKey))
    }

    @Test func serverErrorBodiesAreRedacted() async throws {
        let server = try await RunPodFakeServer.start { request, _ in
            .text("bad request from \(request.headers["authorization"] ?? "")", status: 400)
        }
        defer { Task { await server.stop() } }
        let logs = LogCapture()
        let backend = RunPodScenario.backend(server: server, logs: logs, fallback: nil)

        let error = await #expect(throws: FootfallError.self) {
            try await backend.sounds(for: RunPodScenario.requests(1))
        }

        let message = try #require(error?.description)
        #expect(message.contains("HTTP 400: bad request from Bearer ***"))
        #expect(!message.contains(RunPodScenario.apiKey))
        #expect(!logs.text.contains(RunPodScenario.apiKey))
    }

    @Test func configurationNeverPrintsTheKey() {
        let config = RunPodConfig.load(settings: [
            "RUNPOD_API_KEY": RunPodScenario.apiKey, "RUNPOD_ENDPOINT_ID": "ep",
        ])
        var dumped = ""
        dump(config, to: &dumped)
        for text in [
            "\(config)", String(reflecting: config), dumped, "\(config.apiKey as Any)",
            String(reflecting: config.apiKey as Any),
        ] {
            #expect(!text.contains(RunPodScenario.apiKey), "leaked in: \(text)")
        }
        #expect(config.apiKey?.exposedValue == RunPodScenario.apiKey)
        #expect(config.apiKey?.redact("a \(RunPodScenario.apiKey) b") == "a *** b")
    }

    @Test func availabilityNamesWhatIsMissing() {
        let none = RunPodBackend(config: .load(settings: [:]), fallback: nil)
        #expect(
            none.availability()
                == .unavailable(
                    "missing RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID (set it in the environment or in .env in the working directory)"
                ))
        let noKey = RunPodBackend(config: .load(settings: ["RUNPOD_ENDPOINT_ID": "ep"]), fallback: nil)
        guard case .unavailable(let why) = noKey.availability() else {
            Issue.record("expected unavailable")
            return
        }
        #expect(why.hasPrefix("missing RUNPOD_API_KEY "))
        let ready = RunPodBackend(
            config: .load(settings: ["RUNPOD_ENDPOINT_ID": "ep", "RUNPOD_API_KEY": RunPodScenario.apiKey]),
            fallback: nil)
        #expect(ready.availability() == .ready)
    }

    @Test func unconfiguredBackendFallsBackWithoutNetwork() async throws {
        let logs = LogCapture()
        let fallback = FallbackSpy()
        var config = RunPodConfig.load(settings: [:])
        config.cacheDirectory = nil
        let backend = RunPodBackend(config: config, fallback: fallback, logger: logs.logger)

        let sounds = try await backend.sounds(for: RunPodScenario.requests(2))

        #expect(sounds.count == 2 && fallback.requestsServed == 2)
        #expect(logs.text.contains("missing RUNPOD_API_KEY"))
    }
}
