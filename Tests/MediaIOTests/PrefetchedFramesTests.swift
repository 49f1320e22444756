import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@Suite struct PrefetchedFramesTests {
    @Test func yieldsEveryFrameInOrder() async throws {
        let dir = try TestFiles.temporaryDirectory("prefetch")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(at: dir.appendingPathComponent("c.mp4").path, duration: 1)
        var times: [Double] = []
        for try await frame in PrefetchedFrames(path: clip.path, size: .fit(maxDimension: 64), capacity: 2) {
            times.append(frame.time)
        }
        #expect(times.count == clip.frameTimes.count)
        for (t, expected) in zip(times, clip.frameTimes) { #expect(abs(t - expected) < 1e-6) }
    }

    @Test func stopsEarlyAndReportsErrors() async throws {
        let dir = try TestFiles.temporaryDirectory("prefetch-stop")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(at: dir.appendingPathComponent("c.mp4").path, duration: 1)
        var count = 0
        for try await _ in PrefetchedFrames(path: clip.path, size: .fit(maxDimension: 32)) {
            count += 1
            if count == 3 { break }
        }
        #expect(count == 3)
        await #expect(throws: FootfallError.self) {
            for try await _ in PrefetchedFrames(path: dir.appendingPathComponent("missing.mp4").path) {}
        }
    }
}
