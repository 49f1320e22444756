import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@Suite struct MuxerTests {
    @Test func copiesVideoAndAddsAlignedAAC() throws {
        let dir = try TestFiles.temporaryDirectory("mux-copy")
        defer { TestFiles.remove(dir) }
        let source = try SyntheticClip.make(
            at: dir.appendingPathComponent("walk.mp4").path, duration: 2, rotation: 90,
            audio: SyntheticAudio.sine(frequency: 300, duration: 2, amplitude: 0.1),
            codec: .h264(crf: 23, preset: "veryfast"))  // with B-frames: negative DTS, edit list
        let output = dir.appendingPathComponent("walk.footfall.mp4").path
        let clicks = SyntheticAudio.clicks(at: [1.0], duration: 2)
        let report = try Muxer.mux(MuxRequest(videoSource: source.path, audio: clicks, output: output))

        #expect(report.videoCopied && report.originalAudio == .drop && report.notes.isEmpty)
        let sourcePackets = try #require(MediaInspector.packets(in: source.path))
        #expect(try #require(MediaInspector.packets(in: output)) == sourcePackets)
        #expect(report.videoPackets == sourcePackets.count)

        let info = try MediaProbe.probe(output)
        #expect(info.rotation == 90 && info.frameCount == source.frameTimes.count)
        #expect(info.audioStreams.count == 1)
        #expect(info.audioStreams.first?.codec == "aac" && info.audioStreams.first?.sampleRate == 48_000)
        #expect(info.audioStreams.first?.channels == 2)
        #expect(abs((info.audioStreams.first?.duration ?? 0) - info.duration) <= 1024.0 / 48_000)

        let audio = try #require(try decodeAudio(path: output))
        #expect(abs(audio.duration - info.duration) <= 1024.0 / 48_000)
        let onset = try #require(SyntheticAudio.onset(in: audio.channels[0]))
        #expect(abs(Double(onset) / 48_000 - 1.0) <= 0.001)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["walk.footfall.mp4", "walk.mp4"])
    }

    @Test func variableFrameRateTimesSurvive() throws {
        let dir = try TestFiles.temporaryDirectory("mux-vfr")
        defer { TestFiles.remove(dir) }
        let source = try SyntheticClip.make(
            at: dir.appendingPathComponent("vfr.mov").path, vfrPattern: ProbeTests.vfrTimes, container: .mov)
        let output = dir.appendingPathComponent("out.mp4").path
        let audio = SyntheticAudio.clicks(at: [0.2], duration: 1)
        try Muxer.mux(MuxRequest(videoSource: source.path, audio: audio, output: output))
        let decoder = try VideoDecoder(path: output, size: .fit(maxDimension: 32))
        var times: [Double] = []
        while let frame = try decoder.nextFrame() { times.append(frame.time) }
        #expect(times.count == ProbeTests.vfrTimes.count)
        for (t, expected) in zip(times, ProbeTests.vfrTimes) { #expect(abs(t - expected) < 1e-6) }
    }

    @Test func keepsOriginalAsSecondTrackOrMixes() throws {
        let dir = try TestFiles.temporaryDirectory("mux-orig")
        defer { TestFiles.remove(dir) }
        let source = try SyntheticClip.make(
            at: dir.appendingPathComponent("s.mp4").path, duration: 1,
            audio: SyntheticAudio.sine(frequency: 200, duration: 1, amplitude: 0.1))
        let clicks = SyntheticAudio.clicks(at: [0.5], duration: 1)

        let tracked = dir.appendingPathComponent("track.mp4").path
        let trackReport = try Muxer.mux(
            MuxRequest(videoSource: source.path, audio: clicks, output: tracked, keepOriginalAudio: .track))
        #expect(trackReport.originalAudio == .track)
        #expect(try MediaProbe.probe(tracked).audioStreams.count == 2)

        let mixed = dir.appendingPathComponent("mix.mp4").path
        let mixReport = try Muxer.mux(
            MuxRequest(videoSource: source.path, audio: clicks, output: mixed, keepOriginalAudio: .mix, mixGain: 0.5))
        #expect(mixReport.originalAudio == .mix)
        #expect(try MediaProbe.probe(mixed).audioStreams.count == 1)
        let audio = try #require(try decodeAudio(path: mixed))
        // The original tone is there before the click, and the click (at half gain) is on top of it.
        let before = audio.channels[0][4_800..<19_200].map(abs).max() ?? 0
        #expect(before > 0.05 && before < 0.15)
        let around = audio.channels[0][23_900..<24_200].map(abs).max() ?? 0
        #expect(around > 0.3)
    }

    @Test func movWithPCM() throws {
        let dir = try TestFiles.temporaryDirectory("mux-mov")
        defer { TestFiles.remove(dir) }
        let source = try SyntheticClip.make(at: dir.appendingPathComponent("s.mp4").path, duration: 1)
        let output = dir.appendingPathComponent("o.mov").path
        try Muxer.mux(
            MuxRequest(
                videoSource: source.path, audio: SyntheticAudio.clicks(at: [0.25], duration: 1), output: output,
                container: .mov, audioCodec: .pcm24))
        let info = try MediaProbe.probe(output)
        #expect(info.audioStreams.first?.codec == "pcm_s24le")
        let audio = try #require(try decodeAudio(path: output))
        #expect(audio.frameCount == 48_000)
        #expect(SyntheticAudio.onset(in: audio.channels[1]) == 12_000)
    }

    @Test func reencodesCodecsMP4CannotHold() throws {
        let dir = try TestFiles.temporaryDirectory("mux-avi")
        defer { TestFiles.remove(dir) }
        let source = try SyntheticClip.make(
            at: dir.appendingPathComponent("old.avi").path, fps: 25, duration: 1, container: .avi, codec: .msmpeg4v2)
        let output = dir.appendingPathComponent("old.mp4").path
        let report = try Muxer.mux(
            MuxRequest(videoSource: source.path, audio: SyntheticAudio.clicks(at: [0.5], duration: 1), output: output))
        #expect(!report.videoCopied && report.outputVideoCodec == "h264")
        #expect(report.notes.contains { $0.contains("re-encoded") })
        let decoder = try VideoDecoder(path: output)
        #expect(decoder.info.videoCodec == "h264")
        var times: [Double] = []
        while let frame = try decoder.nextFrame() {
            times.append(frame.time)
            #expect(SyntheticClip.isUpright(frame))
        }
        #expect(times.count == source.frameTimes.count)
        for (t, expected) in zip(times, source.frameTimes) { #expect(abs(t - expected) < 1e-6) }
    }

    @Test func refusesUnsafeRequests() throws {
        let dir = try TestFiles.temporaryDirectory("mux-refuse")
        defer { TestFiles.remove(dir) }
        let source = try SyntheticClip.make(at: dir.appendingPathComponent("s.mp4").path, duration: 0.5)
        let audio = SyntheticAudio.clicks(at: [], duration: 0.5)
        let before = try Data(contentsOf: URL(fileURLWithPath: source.path))
        #expect(throws: FootfallError.self) {
            try Muxer.mux(MuxRequest(videoSource: source.path, audio: audio, output: source.path))
        }
        #expect(throws: FootfallError.self) {
            try Muxer.mux(MuxRequest(videoSource: source.path, audio: audio, output: dir.path + "/./s.mp4"))
        }
        #expect(throws: FootfallError.self) {
            try Muxer.mux(
                MuxRequest(
                    videoSource: source.path, audio: audio, output: dir.appendingPathComponent("o.mp4").path,
                    audioCodec: .pcm24))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: source.path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["s.mp4"])
    }

    @Test func pngWriter() throws {
        let dir = try TestFiles.temporaryDirectory("png")
        defer { TestFiles.remove(dir) }
        let source = try SyntheticClip.make(at: dir.appendingPathComponent("s.mp4").path, duration: 0.1)
        let frame = try #require(try VideoDecoder(path: source.path, size: .fit(maxDimension: 64)).nextFrame())
        let path = dir.appendingPathComponent("f.png").path
        try PNGWriter.write(frame, to: path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR width and height (big endian) at bytes 16...23.
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 64 && height == 48)
    }
}
