import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@Suite struct ProbeTests {
    @Test func constantFrameRateClip() throws {
        let dir = try TestFiles.temporaryDirectory("probe-cfr")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(at: dir.appendingPathComponent("cfr.mp4").path, fps: 30, duration: 2)
        let info = try MediaProbe.probe(clip.path)
        #expect(info.videoCodec == "h264")
        #expect(info.container.contains("mp4"))
        #expect(info.codedWidth == 320 && info.codedHeight == 240)
        #expect(info.rotation == 0)
        #expect(abs(info.frameRate - 30) < 0.01)
        #expect(!info.isVariableFrameRate)
        #expect(info.frameCount == 60)
        #expect(abs(info.duration - 2) < 0.05)
        #expect(info.audioStreams.isEmpty)
    }

    @Test func variableFrameRateClip() throws {
        let dir = try TestFiles.temporaryDirectory("probe-vfr")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(
            at: dir.appendingPathComponent("vfr.mov").path, fps: 30, vfrPattern: Self.vfrTimes, container: .mov)
        let info = try MediaProbe.probe(clip.path)
        #expect(info.isVariableFrameRate)
        #expect(info.frameCount == Self.vfrTimes.count)
    }

    @Test func oneStretchedGapMakesItVariable() throws {
        let dir = try TestFiles.temporaryDirectory("probe-gap")
        defer { TestFiles.remove(dir) }
        // 30 fps with frame 10 missing (one 66.7 ms gap), like a phone dropping a frame.
        let times = (0..<30).filter { $0 != 10 }.map { Double($0) / 30 }
        let clip = try SyntheticClip.make(at: dir.appendingPathComponent("gap.mp4").path, fps: 30, vfrPattern: times)
        let info = try MediaProbe.probe(clip.path)
        #expect(info.isVariableFrameRate)
        #expect(info.frameCount == 29)
    }

    @Test(arguments: [90, 180, 270])
    func rotationFromDisplayMatrix(rotation: Int) throws {
        let dir = try TestFiles.temporaryDirectory("probe-rot")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(
            at: dir.appendingPathComponent("r\(rotation).mp4").path, width: 160, height: 96, duration: 0.5,
            rotation: rotation)
        let info = try MediaProbe.probe(clip.path)
        #expect(info.rotation == rotation)
        #expect(info.codedWidth == clip.codedWidth && info.codedHeight == clip.codedHeight)
        #expect(info.width == 160 && info.height == 96)
    }

    @Test func audioStreamsAreListed() throws {
        let dir = try TestFiles.temporaryDirectory("probe-audio")
        defer { TestFiles.remove(dir) }
        let audio = SyntheticAudio.sine(frequency: 440, duration: 1)
        let clip = try SyntheticClip.make(at: dir.appendingPathComponent("a.mp4").path, duration: 1, audio: audio)
        let info = try MediaProbe.probe(clip.path)
        #expect(info.audioStreams.count == 1)
        #expect(info.audioStreams.first?.codec == "aac")
        #expect(info.audioStreams.first?.sampleRate == 48_000)
        #expect(info.audioStreams.first?.channels == 2)
    }

    @Test func aviClip() throws {
        let dir = try TestFiles.temporaryDirectory("probe-avi")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(
            at: dir.appendingPathComponent("old.avi").path, fps: 25, duration: 1, container: .avi, codec: .msmpeg4v2)
        let info = try MediaProbe.probe(clip.path)
        #expect(info.container == "avi")
        #expect(info.videoCodec == "msmpeg4v2")
        #expect(info.frameCount == 25)
        #expect(abs(info.frameRate - 25) < 0.01)
        #expect(!info.isVariableFrameRate)
    }

    /// 60 fps timing with dropped frames: gaps of 1, 2 and 5 sixtieths.
    static let vfrTimes: [Double] = {
        let gaps = [1, 1, 2, 1, 5, 1, 1, 2, 2, 1, 1, 1, 5, 2, 1, 1, 2, 1, 1, 1, 2, 5, 1, 1, 1, 2, 1, 1, 2, 1]
        var t = 0
        return [0]
            + gaps.map {
                t += $0
                return Double(t) / 60
            }
    }()
}
