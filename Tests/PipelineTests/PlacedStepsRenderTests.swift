import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Mix
import Testing

@testable import Pipeline

/// Renders of hand-placed steps (the web editor's re-render): no pose or surface pass, the transients on the steps.
@Suite struct PlacedStepsRenderTests {
    static func document(times: [(Double, Int)]) -> StepsDocument {
        let steps = times.enumerated().map { i, entry in
            StepEvent(
                time: entry.0, frame: Int(entry.0 * 15), walker: entry.1, foot: i % 2 == 0 ? .left : .right,
                confidence: 1, position: Point2D(x: 40 + Double(i) * 20, y: 100), walkerHeight: 80,
                surface: entry.1 == 1 ? "gravel" : "wood")
        }
        return StepsDocument(
            video: .init(file: "clip.mp4", width: 160, height: 120, duration: 3, frameRate: 15), steps: steps)
    }

    @Test func transientsLandOnThePlacedTimesAndTheMP4CopiesAnotherPicture() async throws {
        let dir = try TestFiles.temporaryDirectory("placed")
        defer { TestFiles.remove(dir) }
        let video = dir.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, width: 160, height: 120, fps: 15, duration: 3)
        let picture = dir.appendingPathComponent("picture.mp4").path
        try FileManager.default.copyItem(atPath: video, toPath: picture)
        var config = FootfallConfig()
        config.backend = "procedural"
        config.dry = true
        let times: [(Double, Int)] = [(0.412, 1), (1.037, 2), (1.655, 1), (2.381, 2)]
        let out = dir.appendingPathComponent("out").path
        let result = try await RenderPipeline().render(
            placed: PlacedStepsRequest(
                video: video, pictureSource: picture, outputDirectory: out, config: config,
                document: Self.document(times: times), shoes: [1: "boots"]))

        #expect(result.timings.entries.map(\.stage) == ["probe", "sound", "mix", "export"])
        #expect(result.document.steps.map(\.surface) == ["gravel", "wood", "gravel", "wood"])
        let wav = try WAVReader.read(out + "/clip.footsteps.wav")
        let samples = wav.audio.channels[0].indices.map { i in
            max(abs(wav.audio.channels[0][i]), abs(wav.audio.channels[1][i]))
        }
        let rate = Double(wav.audio.sampleRate)
        for (time, _) in times {
            // The loudest sample near each step is its transient, within a millisecond of the step's time.
            let window = Int((time - 0.02) * rate)..<Int((time + 0.02) * rate)
            let peak = window.max { samples[$0] < samples[$1] }!
            #expect(abs(Double(peak) / rate - time) <= 0.001, "transient at \(Double(peak) / rate) s for \(time) s")
        }
        // Between steps, silence (dry mix, no room).
        let gap = Int(0.15 * rate)..<Int(0.35 * rate)
        #expect(gap.map { samples[$0] }.max()! < 1e-4)
        let mp4 = try MediaProbe.probe(out + "/clip.footsteps.mp4")
        #expect(abs(mp4.duration - 3) < 0.1)
    }

    @Test func eachWalkerWearsItsOwnShoe() throws {
        let document = Self.document(times: [(0.4, 1), (0.9, 2), (1.4, 1)])
        let plan = PlanBuilder().build(
            steps: document.steps, frameWidth: 160, duration: 3, seed: 1, scene: .outdoor)
        let requests = try RenderPipeline.soundRequests(for: plan, shoe: .sneaker, shoes: [1: .boots])
        #expect(requests.map(\.shoe) == [.boots, .sneaker, .boots])
        #expect(requests.map(\.surface) == [.gravel, .wood, .gravel])
    }

    /// A step's own shoe (a steps CSV's `shoe` column) wins over its walker's, which wins over the render's.
    @Test func aStepsOwnShoeWinsOverItsWalkers() throws {
        var document = Self.document(times: [(0.4, 1), (0.9, 2), (1.4, 1), (1.9, 2)])
        document.steps[0].shoe = "heels"
        document.steps[1].shoe = "barefoot"
        let plan = PlanBuilder().build(
            steps: document.steps, frameWidth: 160, duration: 3, seed: 1, scene: .outdoor)
        let requests = try RenderPipeline.soundRequests(for: plan, shoe: .sneaker, shoes: [1: .boots])
        #expect(requests.map(\.shoe) == [.heels, .barefoot, .boots, .sneaker])
        document.steps[2].shoe = "clogs"
        let bad = PlanBuilder().build(steps: document.steps, frameWidth: 160, duration: 3, seed: 1, scene: .outdoor)
        #expect(throws: FootfallError.self) { try RenderPipeline.soundRequests(for: bad, shoe: .sneaker, shoes: [:]) }
    }
}
