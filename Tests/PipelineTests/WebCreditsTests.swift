import FootfallCore
import FootfallTesting
import Foundation
import Sound
import Testing

@testable import FootfallWeb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A web job rendered with recordings offers their credits file for download, next to the sound track.
@Suite(.enabled(if: InstalledRecordings.present)) struct WebCreditsTests {
    @Test func a_job_rendered_with_recordings_lists_and_serves_its_credits() async throws {
        let folder = try TestFiles.temporaryDirectory("web-credits")
        defer { TestFiles.remove(folder) }
        var base = FootfallConfig()
        base.backendOptions[RecordingLibrary.optionKey] = InstalledRecordings.directory
        let data = folder.appendingPathComponent("data").path
        let server = try await WebServer(
            config: WebServerConfig(host: "127.0.0.1", port: 0, dataDirectory: data, render: base),
            renderer: PipelineJobRenderer(environment: [:]), prober: MediaProbeUploadProber())
        let (client, running) = await WebClient.start(server)
        defer { running.cancel() }

        // Nobody walks in a synthetic clip: give the job steps (the editor's API), then re-render on gravel with the default backend.
        let id = try await client.jobWithEditedSteps(WebSecretTests.editedSteps, in: folder, server: server)
        _ = try await client.send("/api/jobs/\(id)/render", body: #"{"surface": "gravel"}"#)
        await server.waitUntilIdle()

        let job = try #require(
            try JSONSerialization.jsonObject(with: try await client.send("/api/jobs/\(id)")) as? [String: Any])
        #expect(job["status"] as? String == "done", "\(job)")
        let files = job["files"] as? [String] ?? []
        #expect(files.contains("clip.credits.txt"), "\(files)")
        let credits = String(decoding: try await client.send("/api/jobs/\(id)/files/clip.credits.txt"), as: UTF8.self)
        #expect(credits.contains("Author:") && credits.contains("Licence:") && credits.contains("gravel"), "\(credits)")

        // The job says which conditions apply to its outputs, in its JSON and on its page, next to the downloads.
        let licence = try #require(job["licence"] as? [String: Any], "\(job)")
        let conditions = try #require(licence["conditions"] as? String)
        #expect(licence["credits_file"] as? String == "clip.credits.txt")
        #expect(credits.contains(conditions), "the page and the credits file say the same: \(conditions)")
        let page = String(decoding: try await client.send("/jobs/\(id)"), as: UTF8.self)
        #expect(page.contains("Licence of the sounds:"), "\(page)")
        #expect(page.contains(conditions.replacingOccurrences(of: "'", with: "&#39;")) || page.contains(conditions))
        #expect(page.contains("/api/jobs/\(id)/files/clip.credits.txt"))
    }
}
