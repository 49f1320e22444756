import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

/// Extra dev check on the demo video (79.5 s MS-MPEG4v3 AVI): probe, then the re-encoding mux. Slow (re-encodes
/// 795 frames), so it runs only with FOOTFALL_DEMO_CHECK=1.
@Test(.enabled(if: ProcessInfo.processInfo.environment["FOOTFALL_DEMO_CHECK"] != nil))
func demoVideoMux() throws {
    let demo = ".cache/demo/vtest.avi"
    try #require(FileManager.default.fileExists(atPath: demo))
    let info = try MediaProbe.probe(demo)
    #expect(info.videoCodec == "msmpeg4v3" && info.frameCount == 795 && !info.isVariableFrameRate)
    let dir = try TestFiles.temporaryDirectory("demo")
    defer { TestFiles.remove(dir) }
    let output = dir.appendingPathComponent("vtest.mp4").path
    let audio = SyntheticAudio.clicks(at: [1, 10, 70], duration: info.duration)
    let report = try Muxer.mux(MuxRequest(videoSource: demo, audio: audio, output: output))
    #expect(!report.videoCopied)
    let out = try MediaProbe.probe(output)
    #expect(out.frameCount == info.frameCount && abs(out.duration - info.duration) < 0.01)
    let decoded = try #require(try decodeAudio(path: output))
    let onset = try #require(SyntheticAudio.onset(in: decoded.channels[0], from: 48_000 * 69))
    #expect(abs(Double(onset) / 48_000 - 70) <= 0.001)
}
