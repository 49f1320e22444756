import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@testable import Pipeline

@Suite struct RenderPipelineTests {
    /// A steps JSON for the synthetic `clip.mp4` of `duration` seconds (its video block must match the clip's).
    static func stepsFile(in folder: URL, times: [Double], duration: Double = 2) throws -> String {
        let steps = times.enumerated().map { i, t in
            StepEvent(
                time: t, frame: Int(t * 30), walker: 1, foot: i % 2 == 0 ? .left : .right, confidence: 1,
                position: Point2D(x: 80 + Double(i) * 40, y: 200), walkerHeight: 150)
        }
        let doc = StepsDocument(
            video: .init(file: "clip.mp4", width: 320, height: 240, duration: duration, frameRate: 30), steps: steps)
        let path = folder.appendingPathComponent("edited.steps.json").path
        try doc.encoded().write(to: URL(fileURLWithPath: path))
        return path
    }

    func config(backend: String = "mock") -> FootfallConfig {
        var c = FootfallConfig()
        c.backend = backend
        c.surface = "wood"
        return c
    }

    @Test func rendersEditedStepsDeterministicallyAndRefusesToOverwrite() async throws {
        let dir = try TestFiles.temporaryDirectory("render")
        defer { TestFiles.remove(dir) }
        let video = dir.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 2)
        let steps = try Self.stepsFile(in: dir, times: [0.3, 0.8, 1.3, 1.8])
        let out = dir.appendingPathComponent("out").path
        let report = dir.appendingPathComponent("out/clip.report.html").path
        let request = RenderRequest(
            video: video, outputDirectory: out, config: config(), stepsFile: steps, report: report)
        let result = try await RenderPipeline().render(request)

        #expect(result.document.steps.count == 4)
        #expect(result.document.steps.allSatisfy { $0.surface == "wood" && $0.gainDB != nil && $0.pan != nil })
        for name in ["clip.footsteps.wav", "clip.footsteps.mp4", "clip.steps.json", "clip.report.html"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "missing \(name)")
        }
        let wav = try WAVReader.read(out + "/clip.footsteps.wav")
        #expect(abs(wav.audio.duration - 2) < 0.05)
        #expect(wav.bitsPerSample == 24)
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("<h2>Footstep plan</h2>") && html.contains("data:image/png;base64,"))

        // Without --force nothing is replaced.
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/clip.footsteps.wav"))
        await #expect(throws: FootfallError.self) { try await RenderPipeline().render(request) }
        // Same steps, same seed → bit-identical audio samples.
        var again = request
        again.force = true
        again.report = nil
        _ = try await RenderPipeline().render(again)
        #expect(try WAVReader.read(out + "/clip.footsteps.wav").audio == wav.audio)
        #expect(before.count == (try Data(contentsOf: URL(fileURLWithPath: out + "/clip.footsteps.wav"))).count)
        // No temporary files are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter {
            $0.contains("partial") || $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty)
    }

    @Test(arguments: ["zero_bytes.mp4", "random_bytes.mp4", "audio_only.mp4", "truncated_no_moov.mp4"])
    func badInputFailsCleanlyWithoutOutputs(_ name: String) async throws {
        let dir = try TestFiles.temporaryDirectory("bad")
        defer { TestFiles.remove(dir) }
        let out = dir.appendingPathComponent("out").path
        let request = RenderRequest(video: try BadInputCorpus.file(name), outputDirectory: out, config: config())
        do {
            _ = try await RenderPipeline().render(request)
            Issue.record("\(name) should be refused")
        } catch let e as FootfallError {
            #expect(e.exitCode == 2, "\(name): \(e.description)")
        }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        #expect(written.isEmpty, "\(name) left \(written)")
    }

    @Test func stepsFileOfAnotherVideoIsRefused() async throws {
        let dir = try TestFiles.temporaryDirectory("other")
        defer { TestFiles.remove(dir) }
        let video = dir.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 1)
        let steps = try Self.stepsFile(in: dir, times: [0.5, 30])
        let request = RenderRequest(
            video: video, outputDirectory: dir.appendingPathComponent("o").path, config: config(), stepsFile: steps)
        await #expect(throws: FootfallError.self) { try await RenderPipeline().render(request) }
    }

    @Test func unknownBackendSuggestsTheRightOne() async throws {
        let dir = try TestFiles.temporaryDirectory("backend")
        defer { TestFiles.remove(dir) }
        let video = dir.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 1)
        let steps = try Self.stepsFile(in: dir, times: [0.5])
        let request = RenderRequest(
            video: video, outputDirectory: dir.appendingPathComponent("o").path, config: config(backend: "mok"),
            stepsFile: steps)
        do {
            _ = try await RenderPipeline().render(request)
            Issue.record("expected an error")
        } catch let e as FootfallError {
            #expect(e.description.contains("did you mean 'mock'"))
        }
    }
}
