import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Sound
import Testing

@testable import Pipeline

/// The default backend in whole renders: with the recordings setup installs it credits them (file, report,
/// summary line) and its transients land on the steps; without them the render still works, with procedural
/// sounds and a warning that says how to install them.
@Suite struct RecordedRenderTests {
    static let stepTimes = [0.3, 1.3, 2.3]

    func render(recordings: String, in dir: URL, report: Bool = false) async throws -> RenderResult {
        let video = dir.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 3)
        // The default backend: nothing set but where the recordings are (this checkout's, or none).
        var config = FootfallConfig()
        config.surface = "gravel"
        config.dry = true
        config.backendOptions[RecordingLibrary.optionKey] = recordings
        var request = RenderRequest(
            video: video, outputDirectory: dir.appendingPathComponent("out").path, config: config,
            stepsFile: try RenderPipelineTests.stepsFile(in: dir, times: Self.stepTimes, duration: 3),
            report: report ? dir.appendingPathComponent("out/clip.report.html").path : nil)
        request.environment = [:]
        return try await RenderPipeline().render(request)
    }

    @Test func without_recordings_the_default_renders_procedural_steps_and_says_how_to_install_them() async throws {
        let dir = try TestFiles.temporaryDirectory("recorded-missing")
        defer { TestFiles.remove(dir) }
        let result = try await render(recordings: dir.appendingPathComponent("none").path, in: dir)
        #expect(result.document.render?.backend == "procedural")
        #expect(result.warnings.contains { $0.contains("recorded backend cannot run") && $0.contains("make setup") })
        #expect(result.licenceConditions == nil && result.credits == nil)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/clip.credits.txt").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/clip.footsteps.wav").path))
    }

    @Test(.enabled(if: InstalledRecordings.present))
    func with_recordings_the_default_credits_them_and_puts_each_transient_on_its_step() async throws {
        let dir = try TestFiles.temporaryDirectory("recorded-render")
        defer { TestFiles.remove(dir) }
        let result = try await render(recordings: InstalledRecordings.directory ?? "", in: dir, report: true)
        #expect(result.document.render?.backend == "recorded")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let conditions = try #require(result.licenceConditions)
        let creditsPath = try #require(result.credits)
        let credits = try String(contentsOfFile: creditsPath, encoding: .utf8)
        #expect(credits.contains(conditions) && credits.contains("Author:") && credits.contains("gravel"))

        // Every author the credits name is in the report, with the condition.
        let report = try String(
            contentsOfFile: dir.appendingPathComponent("out/clip.report.html").path, encoding: .utf8)
        #expect(report.contains("<h2>Sound credits</h2>"))
        let authors = credits.split(separator: "\n").filter { $0.hasPrefix("  Author:") }
            .map { $0.dropFirst("  Author:".count).trimmingCharacters(in: .whitespaces) }
        #expect(!authors.isEmpty)
        for author in authors {
            let escaped = author.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;"
            )
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            #expect(report.contains("<td>\(escaped)</td>"), "the report does not credit \(author)")
        }

        // In the delivered WAV, each step's transient (as every backend defines it) is on its time to ±1 ms.
        let wav = try WAVReader.read(dir.appendingPathComponent("out/clip.footsteps.wav").path)
        let rate = wav.audio.sampleRate
        for time in Self.stepTimes {
            let center = Int((time * Double(rate)).rounded())
            let before = Int(0.05 * Double(rate))
            let range = (center - before)..<min(wav.audio.frameCount, center + Int(0.9 * Double(rate)))
            let excerpt = AudioBuffer(sampleRate: rate, channels: wav.audio.channels.map { Array($0[range]) })
            let found = TransientFinder.transientIndex(in: excerpt)
            #expect(abs(found - before) <= rate / 1_000, "transient \(found - before) samples off at \(time) s")
        }
    }
}
