import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import FootfallWeb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The web server renders with RUNPOD_API_KEY in its environment; a RunPod job fails with an error body echoing the
/// key. Nothing a browser can fetch (job JSON, job list, job page, error JSON) nor any file in the data folder may
/// hold the key.
@Suite struct WebSecretTests {
    static let key = "rp_WEBSECRET_8d2a6c_DO_NOT_LEAK"
    /// Steps a user put on the timeline (the web editor's API).
    static let editedSteps =
        #"{"steps": [{"time": 0.3, "foot": "left"}, {"time": 0.8, "foot": "right"}, {"time": 1.3, "foot": "left"}]}"#

    @Test func jobJSONPagesAndFilesNeverHoldTheKey() async throws {
        let folder = try TestFiles.temporaryDirectory("web-secret")
        defer { TestFiles.remove(folder) }
        let runpod = try await LoopbackRunPod.start { request, _ in
            .init(status: 401, body: "{\"error\":\"bad token \(request.authorization ?? "")\"}")
        }
        defer { Task { await runpod.stop() } }
        var base = FootfallConfig()
        base.backendOptions = ["no_fallback": "true"]
        let environment = [
            "RUNPOD_API_KEY": Self.key, "RUNPOD_ENDPOINT_ID": "fake", "RUNPOD_BASE_URL": runpod.baseURL,
            "FOOTFALL_CACHE_DIR": folder.appendingPathComponent("cache").path,
        ]
        let data = folder.appendingPathComponent("data").path
        let server = try await WebServer(
            config: WebServerConfig(host: "127.0.0.1", port: 0, dataDirectory: data, render: base),
            renderer: PipelineJobRenderer(environment: environment), prober: MediaProbeUploadProber())
        let (client, running) = await WebClient.start(server)
        defer { running.cancel() }

        // Upload (the first render runs pose: a synthetic clip has nobody in it), then give the job steps and
        // re-render with runpod, as a user who edited the timeline would.
        let id = try await client.jobWithEditedSteps(Self.editedSteps, in: folder, server: server)
        _ = try await client.send("/api/jobs/\(id)/render", body: #"{"backend": "runpod", "surface": "gravel"}"#)
        await server.waitUntilIdle()

        let job = try await client.send("/api/jobs/\(id)")
        let error = try #require(JSONSerialization.jsonObject(with: job) as? [String: Any])["error"] as? String
        #expect(error?.contains("check RUNPOD_API_KEY") == true, "\(String(decoding: job, as: UTF8.self))")
        #expect(runpod.requests.contains { $0.authorization == "Bearer \(Self.key)" }, "the key was sent")
        var fetched = [job, try await client.send("/api/jobs"), try await client.send("/jobs/\(id)")]
        fetched.append(try await client.send("/api/jobs/\(id)/render", body: #"{"backend": "runpdo"}"#))
        for form in [Self.key, Data(Self.key.utf8).base64EncodedString()] {
            for body in fetched where body.range(of: Data(form.utf8)) != nil {
                Issue.record("a response holds the key: \(String(decoding: body, as: UTF8.self).prefix(300))")
            }
            for file in try SecretLeakRenderTests.files(under: URL(fileURLWithPath: data)) {
                if try Data(contentsOf: file).range(of: Data(form.utf8)) != nil {
                    Issue.record("\(file.path) holds the key")
                }
            }
        }
    }
}

/// Just enough HTTP client for the test: uploads and JSON requests to the server on loopback.
struct WebClient {
    let port: Int

    func send(_ path: String, body: String? = nil, method: String = "POST") async throws -> Data {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        if let body {
            request.httpMethod = method
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
        }
        return try await URLSession.shared.data(for: request).0
    }

    func upload(_ video: Data) async throws -> [String: Any] {
        let boundary = "secret-test-\(UUID().uuidString)"
        let body = MultipartUpload.body(video: video, name: "clip.mp4", boundary: boundary)
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/jobs")!)
        request.httpMethod = "POST"
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let data = try await URLSession.shared.data(for: request).0
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}
