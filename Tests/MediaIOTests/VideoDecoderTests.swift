import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@Suite struct VideoDecoderTests {
    @Test func constantRateTimesComeFromPTS() throws {
        let dir = try TestFiles.temporaryDirectory("dec-cfr")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(at: dir.appendingPathComponent("cfr.mp4").path, fps: 30, duration: 2)
        let frames = try decodeAll(clip.path)
        #expect(frames.map(\.index) == Array(0..<clip.frameTimes.count))
        #expect(frames.count == clip.frameTimes.count)
        for (frame, expected) in zip(frames, clip.frameTimes) { #expect(abs(frame.time - expected) < 1e-6) }
        #expect(frames.allSatisfy { $0.width == 320 && $0.height == 240 && $0.pixels.count == 320 * 240 * 3 })
    }

    @Test func variableRateTimesAreExact() throws {
        let dir = try TestFiles.temporaryDirectory("dec-vfr")
        defer { TestFiles.remove(dir) }
        for container in [SyntheticClip.Container.mov, .mp4] {
            let clip = try SyntheticClip.make(
                at: dir.appendingPathComponent("vfr.\(container.rawValue)").path, vfrPattern: ProbeTests.vfrTimes,
                container: container)
            let times = try decodeAll(clip.path, size: .fit(maxDimension: 64)).map(\.time)
            #expect(times.count == ProbeTests.vfrTimes.count)
            for (t, expected) in zip(times, ProbeTests.vfrTimes) { #expect(abs(t - expected) < 1e-6) }
        }
    }

    @Test(arguments: [0, 90, 180, 270])
    func framesComeOutUpright(rotation: Int) throws {
        let dir = try TestFiles.temporaryDirectory("dec-rot")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(
            at: dir.appendingPathComponent("r.mp4").path, width: 200, height: 120, duration: 0.2, rotation: rotation)
        let original = try decodeAll(clip.path)
        #expect(original.count == clip.frameTimes.count)
        #expect(original.allSatisfy { $0.width == 200 && $0.height == 120 })
        #expect(original.allSatisfy(SyntheticClip.isUpright))
        let scaled = try decodeAll(clip.path, size: .fit(maxDimension: 100))
        #expect(scaled.allSatisfy { $0.width == 100 && $0.height == 60 })
        #expect(scaled.allSatisfy(SyntheticClip.isUpright))
    }

    @Test func exactSize() throws {
        let dir = try TestFiles.temporaryDirectory("dec-exact")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(at: dir.appendingPathComponent("c.mp4").path, duration: 0.2)
        let decoder = try VideoDecoder(path: clip.path, size: .exact(width: 96, height: 96), threads: 1)
        let frame = try #require(try decoder.nextFrame())
        #expect(frame.width == 96 && frame.height == 96)
        #expect(SyntheticClip.isUpright(frame))
        #expect(decoder.info.frameCount == clip.frameTimes.count)
    }

    @Test func fitNeverUpscales() {
        #expect(FrameSize.fit(maxDimension: 1000).resolve(width: 320, height: 240) == (320, 240))
        #expect(FrameSize.fit(maxDimension: 256).resolve(width: 1280, height: 720) == (256, 144))
        #expect(FrameSize.fit(maxDimension: 256).resolve(width: 720, height: 1280) == (144, 256))
    }

    @Test func aviDecodes() throws {
        let dir = try TestFiles.temporaryDirectory("dec-avi")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(
            at: dir.appendingPathComponent("old.avi").path, fps: 25, duration: 1, container: .avi, codec: .msmpeg4v2)
        let frames = try decodeAll(clip.path)
        #expect(frames.count == 25)
        for (frame, expected) in zip(frames, clip.frameTimes) { #expect(abs(frame.time - expected) < 1e-6) }
        #expect(frames.allSatisfy(SyntheticClip.isUpright))
    }

    private func decodeAll(_ path: String, size: FrameSize = .original) throws -> [RGBFrame] {
        let decoder = try VideoDecoder(path: path, size: size)
        var frames: [RGBFrame] = []
        while let frame = try decoder.nextFrame() { frames.append(frame) }
        return frames
    }
}
