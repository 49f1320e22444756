import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@testable import Pipeline

/// `render --backend samples` end to end with a folder of recordings made in the test.
@Test func rendersWithTheSamplesBackend() async throws {
    let dir = try TestFiles.temporaryDirectory("samples-render")
    defer { TestFiles.remove(dir) }
    let library = dir.appendingPathComponent("recordings/gravel")
    try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
    for n in 0..<3 {
        // A decaying noise burst per file, each different.
        var rng = SeededRandom(seed: UInt64(n + 1))
        let samples = (0..<9_600).map { i in Float(rng.uniform(-1...1) * 0.5 * exp(-Double(i) / 1_500)) }
        try WAVWriter.write(AudioBuffer(channels: [samples]), to: library.appendingPathComponent("step\(n).wav").path)
    }
    let video = dir.appendingPathComponent("clip.mp4").path
    _ = try SyntheticClip.make(at: video, duration: 2)
    var config = FootfallConfig()
    config.backend = "samples"
    config.surface = "gravel"
    config.samplesDir = dir.appendingPathComponent("recordings").path
    let request = RenderRequest(
        video: video, outputDirectory: dir.appendingPathComponent("out").path, config: config,
        stepsFile: try RenderPipelineTests.stepsFile(in: dir, times: [0.3, 0.8, 1.3, 1.8]))
    let result = try await RenderPipeline().render(request)
    #expect(result.document.render?.backend == "samples")
    let wav = try WAVReader.read(dir.appendingPathComponent("out/clip.footsteps.wav").path)
    #expect(wav.audio.peak > 0.01, "the recordings are audible in the mix")
}
