import FootfallCore
import FootfallTesting
import Foundation
import Sound
import Testing

@testable import FootfallWeb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A re-render of edited steps is done when its video and sound track are; the stems follow on their own, and a
/// download of stems.zip waits for them (issue 18: the stems were most of a re-render's time).
@Suite struct WebDeferredStemsTests {
    @Test func the_stems_archive_of_a_rerender_is_listed_at_once_and_served_complete() async throws {
        let folder = try TestFiles.temporaryDirectory("web-deferred-stems")
        defer { TestFiles.remove(folder) }
        var base = FootfallConfig()
        base.backend = "procedural"
        let data = folder.appendingPathComponent("data").path
        let server = try await WebServer(
            config: WebServerConfig(host: "127.0.0.1", port: 0, dataDirectory: data, render: base),
            renderer: PipelineJobRenderer(environment: [:]), prober: MediaProbeUploadProber())
        let (client, running) = await WebClient.start(server)
        defer { running.cancel() }

        let steps =
            #"{"steps": [{"time": 0.3, "foot": "left", "walker": 1}, {"time": 0.8, "foot": "right", "walker": 1}, "#
            + #"{"time": 1.3, "foot": "left", "walker": 2}]}"#
        let id = try await client.jobWithEditedSteps(steps, in: folder, server: server)
        _ = try await client.send("/api/jobs/\(id)/render", body: #"{"seed": 5}"#)

        // Done as the API says it, without waiting for the queue to drain (which waits for the stems too).
        var job: [String: Any] = [:]
        for _ in 0..<3000 {
            let body = try await client.send("/api/jobs/\(id)")
            job = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            if job["status"] as? String == "done" || job["status"] as? String == "failed" { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(job["status"] as? String == "done", "\(job)")
        #expect(job["render_count"] as? Int == 2, "\(job)")
        let files = job["files"] as? [String] ?? []
        #expect(files.contains("stems.zip") && files.contains("clip.footsteps.wav"), "\(files)")

        let zip = try await client.send("/api/jobs/\(id)/files/stems.zip")
        #expect(zip.prefix(2) == Data("PK".utf8))
        let names = ["walker1.left", "walker1.right", "walker2.left"].map { "stems/clip.\($0).wav" }
        for name in names { #expect(zip.range(of: Data(name.utf8)) != nil, "\(name) missing from stems.zip") }
        #expect(zip.count > 3 * 2 * 48_000 * 2 * 3, "stems.zip is \(zip.count) bytes")
        await server.waitUntilIdle()
        let out = URL(fileURLWithPath: data).appendingPathComponent("\(id)/out/stems").path
        let written = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(written == names.map { URL(fileURLWithPath: $0).lastPathComponent }, "\(written)")
    }
}
