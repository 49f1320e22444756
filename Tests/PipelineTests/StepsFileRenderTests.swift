import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@testable import Pipeline

/// Steps files written by hand or edited in a DAW render with each transient on its step (±1 ms).
@Suite struct StepsFileRenderTests {
    func render(_ video: String, steps: String, into out: String) async throws -> [[Float]] {
        var config = FootfallConfig()
        config.backend = "mock"
        config.surface = "wood"
        config.dry = true
        _ = try await RenderPipeline().render(
            RenderRequest(video: video, outputDirectory: out, config: config, stepsFile: steps))
        let wav = try WAVReader.read(out + "/clip.footsteps.wav")
        #expect(wav.audio.sampleRate == 48_000)
        return wav.audio.channels
    }

    func transient(near time: Double, in channels: [[Float]]) -> (time: Double, level: Float) {
        SyntheticAudio.loudest(near: time, in: channels)
    }

    func expectTransients(at times: [Double], in channels: [[Float]], _ what: String) {
        let loudest = times.map { transient(near: $0, in: channels).level }.max() ?? 0
        #expect(loudest > 0.01, "\(what): the steps are audible")
        for t in times {
            let found = transient(near: t, in: channels)
            #expect(abs(found.time - t) <= 0.001, "\(what): transient at \(found.time) s for the step at \(t) s")
            #expect(found.level > loudest * 0.2, "\(what): the step at \(t) s is heard")
        }
    }

    @Test func minimalJSONCSVAndEditedAudacityLabelsRenderOnTheirTimes() async throws {
        let dir = try TestFiles.temporaryDirectory("steps-files")
        defer { TestFiles.remove(dir) }
        let video = dir.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 3)

        let json = dir.appendingPathComponent("hand.json").path
        try #"{"steps":[{"time":0.5,"foot":"left"},{"time":1.25,"foot":"right"},{"time":2.1,"foot":"left"}]}"#
            .write(toFile: json, atomically: true, encoding: .utf8)
        let fromJSON = try await render(video, steps: json, into: dir.appendingPathComponent("json").path)
        expectTransients(at: [0.5, 1.25, 2.1], in: fromJSON, "minimal JSON")

        let csv = dir.appendingPathComponent("hand.csv").path
        try "0.4,left\n0.93,right,1\n1.61,L,1,gravel\n2.5,right\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let fromCSV = try await render(video, steps: csv, into: dir.appendingPathComponent("csv").path)
        expectTransients(at: [0.4, 0.93, 1.61, 2.5], in: fromCSV, "CSV")

        // The labels the JSON render wrote, edited as in Audacity: one moved, one deleted, one added by hand.
        let labels = dir.appendingPathComponent("json/clip.audacity.txt").path
        var lines = try String(contentsOfFile: labels, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 3 && lines[0].hasPrefix("0.500000\t0.500000\tW0 L heel"))
        lines[0] = lines[0].replacingOccurrences(of: "0.500000\t0.500000", with: "0.731000\t0.731000")
        lines.remove(at: 1)
        lines.append("2.700000\t2.700000\tclap")
        let edited = dir.appendingPathComponent("edited.txt").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: edited, atomically: true, encoding: .utf8)
        let fromLabels = try await render(video, steps: edited, into: dir.appendingPathComponent("labels").path)
        expectTransients(at: [0.731, 2.1, 2.7], in: fromLabels, "edited Audacity labels")
        // The deleted step is silent.
        #expect(transient(near: 1.25, in: fromLabels).level < 1e-4)
    }

    @Test func aStepsFileOfAnotherVideoIsStillRefused() async throws {
        let dir = try TestFiles.temporaryDirectory("steps-files-other")
        defer { TestFiles.remove(dir) }
        let video = dir.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 2)
        let csv = dir.appendingPathComponent("long.csv").path
        try "0.5,left\n40,right\n".write(toFile: csv, atomically: true, encoding: .utf8)
        await #expect {
            _ = try await render(video, steps: csv, into: dir.appendingPathComponent("o").path)
        } throws: { error in
            "\(error)".contains("another video")
        }
    }
}

extension StepsFileRenderTests {
    /// A steps JSON whose `video` block gives another duration or frame rate is refused before any work, with what
    /// differs; the same block with only another name and size (a renamed proxy of the same clip) renders.
    @Test func aVideoBlockOfAnotherVideoIsRefused() async throws {
        let dir = try TestFiles.temporaryDirectory("steps-files-video-block")
        defer { TestFiles.remove(dir) }
        let video = dir.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 2)
        let info = try MediaProbe.probe(video)
        let steps = #"[{"time": 0.5, "foot": "left"}, {"time": 1.1, "foot": "right"}]"#
        for (name, block) in [
            ("long", #"{"file": "other.mp4", "duration": 31.5}"#),
            ("rate", #"{"duration": \#(info.duration), "frame_rate": \#(info.frameRate * 2)}"#),
        ] {
            let file = dir.appendingPathComponent("\(name).steps.json").path
            try #"{"video": \#(block), "steps": \#(steps)}"#.write(toFile: file, atomically: true, encoding: .utf8)
            await #expect {
                _ = try await render(video, steps: file, into: dir.appendingPathComponent("o-\(name)").path)
            } throws: { error in
                "\(error)".contains("another video") && "\(error)".contains(name == "long" ? "31.50 s" : "fps")
            }
        }
        let proxy = dir.appendingPathComponent("proxy.steps.json").path
        let block =
            #"{"file": "renamed.mov", "width": 1920, "height": 1080, "#
            + #""duration": \#(info.duration), "frame_rate": \#(info.frameRate)}"#
        try #"{"video": \#(block), "steps": \#(steps)}"#.write(toFile: proxy, atomically: true, encoding: .utf8)
        let channels = try await render(video, steps: proxy, into: dir.appendingPathComponent("o-proxy").path)
        expectTransients(at: [0.5, 1.1], in: channels, "proxy")
    }
}
