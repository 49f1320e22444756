import FootfallCore
import Foundation
import Testing

@testable import FootfallWeb

@Suite("sound backend menus")
struct WebBackendMenuTests {
    @Test func backendThatCannotRunIsShownDisabledWithItsReason() async throws {
        let folder = try temporaryFolder("menus")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try await TestServer.start(data: folder + "/data")

        let html = String(decoding: try await server.get("/").0, as: UTF8.self)
        #expect(html.contains("<option value=\"recorded\" selected>recorded</option>"))
        #expect(html.contains("<option value=\"procedural\">procedural</option>"))
        #expect(html.contains("<option value=\"samples\">samples</option>"))
        #expect(
            html.contains(
                "<option value=\"runpod\" disabled title=\"RUNPOD_API_KEY is not set\">runpod (not set up here)</option>"
            ))
        await server.stop()
    }

    @Test func pipelineRendererAsksTheBackendsWhetherTheyCanRun() {
        var config = FootfallConfig()
        config.samplesDir = nil
        let choices = PipelineJobRenderer().backendChoices(config: config)
        #expect(choices.map(\.name) == PipelineJobRenderer().backendNames)
        #expect(choices.first { $0.name == "procedural" }?.unavailableReason == nil)
        // Without a samples folder the samples backend has nothing to play.
        let samples = choices.first { $0.name == "samples" }
        #expect(samples?.unavailableReason?.contains("samples") == true)
    }
}
