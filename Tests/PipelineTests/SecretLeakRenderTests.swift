import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import Pipeline

/// A full `render --backend runpod --report` with RUNPOD_API_KEY set, logging at trace level as text and JSON, against
/// a server that echoes the key in an error body and in a failed job's error: the key (and its base64) must appear in
/// no log line, no output or cache file, no warning and no thrown error.
@Suite struct SecretLeakRenderTests {
    static let key = "rp_SECRET_4f1c9e2b7a_DO_NOT_LEAK"
    static var forms: [String] { [key, Data(key.utf8).base64EncodedString()] }

    /// Gravel jobs: a 500 echoing the key, then a finished clip. Wood jobs: a FAILED job whose error echoes the key.
    static func route(audio: LoopbackRunPod.Reply) -> LoopbackRunPod.Route {
        { request, server in
            let echo = "request had \(request.authorization ?? "no key") (key=\(key))"
            if request.path.contains("/cancel/") { return .json(["id": "job-1", "status": "CANCELLED"]) }
            if request.text.contains("wooden") {
                return .json(["id": "job-2", "status": "FAILED", "error": "worker crashed: \(echo)"])
            }
            let earlier = server.requests.dropLast()  // the last one is this request
            let echoedBefore = earlier.contains { !$0.text.contains("wooden") && !$0.path.contains("/cancel/") }
            return echoedBefore ? audio : .init(status: 500, body: "{\"error\":\"\(echo)\"}")
        }
    }

    @Test func theKeyAppearsNowhere() async throws {
        let capture = LogCapture.shared
        let dir = try TestFiles.temporaryDirectory("secret-render")
        defer { TestFiles.remove(dir) }
        let audio = LoopbackRunPod.Reply.json(try LoopbackRunPod.completedJob())
        let server = try await LoopbackRunPod.start(route: Self.route(audio: audio))
        defer { Task { await server.stop() } }
        let logStart = capture.count

        var request = try RunPodFaultRenderTests.request(in: dir, baseURL: server.baseURL)
        request.config.surface = nil
        request.stepsFile = try RunPodFaultRenderTests.stepsFile(
            in: dir, surfaces: ["gravel", "wood", "gravel", "wood"])
        request.report = dir.appendingPathComponent("out/clip.report.html").path
        request.environment?["RUNPOD_API_KEY"] = Self.key
        request.environment?["RUNPOD_RUNSYNC_MAX_SECONDS"] = "47"
        let result = try await RenderPipeline().render(request)

        // The key really was used, the echoes really were sent, and both paths ran.
        #expect(server.requests.contains { $0.authorization == "Bearer \(Self.key)" })
        #expect(
            result.warnings.contains { $0.contains("worker crashed: request had Bearer *** (key=***)") },
            "\(result.warnings)")
        #expect(!(try Self.files(under: dir.appendingPathComponent("cache"))).isEmpty, "the gravel clip was cached")

        // A strict render against a server refusing the key, which the error body echoes.
        let refusing = try await LoopbackRunPod.start { request, _ in
            .init(status: 401, body: "bad token \(request.authorization ?? "")")
        }
        defer { Task { await refusing.stop() } }
        var strict = try RunPodFaultRenderTests.request(in: dir, baseURL: refusing.baseURL)
        strict.environment?["RUNPOD_API_KEY"] = Self.key
        strict.outputDirectory = dir.appendingPathComponent("strict").path
        strict.noFallback = true
        var thrown: [String] = []
        do {
            _ = try await RenderPipeline().render(strict)
            Issue.record("--no-fallback should fail")
        } catch {
            thrown = ["\(error)", String(reflecting: error), error.localizedDescription]
        }

        let logs = capture.lines(since: logStart)
        #expect(
            logs.contains { $0.hasPrefix("{") } && logs.contains { $0.hasPrefix("trac: ") || $0.hasPrefix("debu: ") })
        for form in Self.forms {
            for line in logs where line.contains(form) { Issue.record("log line holds the key: \(line)") }
            for text in result.warnings + thrown where text.contains(form) { Issue.record("message holds it: \(text)") }
            for file in try Self.files(under: dir) where file.path.contains("clip.mp4") == false {
                let data = try Data(contentsOf: file)
                if data.range(of: Data(form.utf8)) != nil { Issue.record("\(file.lastPathComponent) holds the key") }
            }
        }
        #expect(try Self.files(under: dir).contains { $0.lastPathComponent == "clip.report.html" })
        #expect(try Self.files(under: dir).contains { $0.lastPathComponent.hasSuffix(".steps.json") })
    }

    /// Every regular file below `dir` (outputs, report, markers, stems, cache entries and notes).
    static func files(under dir: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        return walker.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
