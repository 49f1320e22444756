import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@Suite struct AudioTests {
    @Test func videoWithoutAudioGivesNil() throws {
        let dir = try TestFiles.temporaryDirectory("aud-none")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(at: dir.appendingPathComponent("silent.mp4").path, duration: 0.5)
        #expect(try decodeAudio(path: clip.path) == nil)
    }

    @Test func videoAudioDecodesAtRequestedRate() throws {
        let dir = try TestFiles.temporaryDirectory("aud-video")
        defer { TestFiles.remove(dir) }
        let source = SyntheticAudio.clicks(at: [0.5], duration: 1, sampleRate: 44_100)
        let clip = try SyntheticClip.make(at: dir.appendingPathComponent("a.mp4").path, duration: 1, audio: source)
        let audio = try #require(try decodeAudio(path: clip.path))
        #expect(audio.sampleRate == 48_000)
        #expect(audio.channelCount == 2)
        // AAC pads the last frame: up to one frame (1024 samples at the source rate) longer.
        #expect(audio.duration >= 1 - 1e-9 && audio.duration < 1 + 1024.0 / 44_100)
        let onset = try #require(SyntheticAudio.onset(in: audio.channels[0]))
        #expect(abs(Double(onset) / 48_000 - 0.5) < 0.001)
    }

    @Test func lateAudioIsAlignedToVideoTime() throws {
        let dir = try TestFiles.temporaryDirectory("aud-late")
        defer { TestFiles.remove(dir) }
        // The click is 0.2 s into the audio, which starts 0.3 s after the first frame: at 0.5 s of video time.
        let clip = try SyntheticClip.make(
            at: dir.appendingPathComponent("late.mov").path, duration: 1,
            audio: SyntheticAudio.clicks(at: [0.2], duration: 0.7),
            container: .mov, audioStart: 0.3)
        let audio = try #require(try decodeAudio(path: clip.path))
        let onset = try #require(SyntheticAudio.onset(in: audio.channels[0]))
        #expect(abs(Double(onset) / 48_000 - 0.5) <= 0.001)
    }

    /// Read in chunks, late audio lands where `decodeAudio` puts it: the chunks join into the same samples.
    @Test func chunksOfLateAudioAreTheWholeTrack() throws {
        let dir = try TestFiles.temporaryDirectory("aud-chunks")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(
            at: dir.appendingPathComponent("late.mov").path, duration: 3,
            audio: SyntheticAudio.clicks(at: [0.2, 1.1, 2.0], duration: 2.5), container: .mov, audioStart: 0.3)
        let whole = try #require(try decodeAudio(path: clip.path))
        var joined: [Float] = []
        var starts: [Double] = []
        let found = try forEachAudioChunk(path: clip.path, chunkSeconds: 0.7, overlapSeconds: 0.2) { start, audio in
            starts.append(start)
            #expect(joined.count == Int((start * 48_000).rounded()), "chunks follow each other")
            // Each chunk but the last holds 0.2 s of the next one: keep its own 0.7 s.
            let isLast = audio.frameCount < Int(0.9 * 48_000)
            joined += audio.channels[0].prefix(isLast ? audio.frameCount : Int(0.7 * 48_000))
        }
        #expect(found)
        #expect(starts.count == 4)
        #expect(joined.count == whole.frameCount)
        #expect(joined == whole.channels[0])
        let onset = try #require(SyntheticAudio.onset(in: joined))
        #expect(abs(Double(onset) / 48_000 - 0.5) <= 0.001)
    }

    @Test func wav24BitRoundTripWithBext() throws {
        let dir = try TestFiles.temporaryDirectory("aud-wav")
        defer { TestFiles.remove(dir) }
        let path = dir.appendingPathComponent("steps.wav").path
        let source = SyntheticAudio.sine(frequency: 997, duration: 0.5, amplitude: 0.5)
        let bext = BroadcastInfo(
            description: "footfall test", originator: "footfall", originationDate: "2026-11-26",
            originationTime: "10:00:00")
        try WAVWriter.write(source, to: path, broadcast: bext)
        let read = try WAVReader.read(path)
        #expect(read.bitsPerSample == 24 && !read.isFloat)
        #expect(read.audio.sampleRate == 48_000 && read.audio.frameCount == source.frameCount)
        let maxError = zip(read.audio.channels[1], source.channels[1]).map { abs($0 - $1) }.max() ?? 1
        #expect(maxError < 1e-6)
        #expect(read.broadcast == bext)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.range(of: Data("bext".utf8)) != nil)
        // The same file through FFmpeg (readAudioFile) gives the same samples.
        let viaFFmpeg = try readAudioFile(path: path)
        #expect(viaFFmpeg.frameCount == source.frameCount)
        #expect((zip(viaFFmpeg.channels[0], source.channels[0]).map { abs($0 - $1) }.max() ?? 1) < 1e-6)
    }

    @Test func wavFloatAndAtomicity() throws {
        let dir = try TestFiles.temporaryDirectory("aud-float")
        defer { TestFiles.remove(dir) }
        let path = dir.appendingPathComponent("f.wav").path
        try WAVWriter.write(SyntheticAudio.sine(frequency: 100, duration: 0.1, channels: 1), to: path, format: .float32)
        let read = try WAVReader.read(path)
        #expect(read.isFloat && read.audio.channelCount == 1 && read.broadcast == nil)
        // Only the final file is left in the folder (the temporary one was renamed).
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["f.wav"])
        #expect(throws: FootfallError.self) {
            try WAVWriter.write(read.audio, to: dir.appendingPathComponent("no/such/dir.wav").path)
        }
    }

    @Test func resamplesAudioFiles() throws {
        let dir = try TestFiles.temporaryDirectory("aud-rate")
        defer { TestFiles.remove(dir) }
        let path = dir.appendingPathComponent("c44.wav").path
        try WAVWriter.write(SyntheticAudio.clicks(at: [0.25], duration: 0.5, sampleRate: 44_100), to: path)
        let audio = try readAudioFile(path: path)
        #expect(audio.sampleRate == 48_000)
        #expect(abs(audio.frameCount - 24_000) <= 2)
        let onset = try #require(SyntheticAudio.onset(in: audio.channels[0]))
        #expect(abs(Double(onset) / 48_000 - 0.25) < 0.0005)
    }
}

@Suite struct AudioFileTests {
    @Test(arguments: AudioFileCodec.allCases)
    func readsWhatFFmpegWrites(codec: AudioFileCodec) throws {
        let dir = try TestFiles.temporaryDirectory("aud-file")
        defer { TestFiles.remove(dir) }
        let ext = ["flac": "flac", "mp3": "mp3", "aac": "m4a", "pcm16": "wav"][codec.rawValue] ?? "bin"
        let path = dir.appendingPathComponent("click.\(ext)").path
        try AudioFileWriter.write(
            SyntheticAudio.clicks(at: [0.3], duration: 0.6, sampleRate: 44_100), to: path, codec: codec)
        let audio = try readAudioFile(path: path)
        #expect(audio.sampleRate == 48_000 && audio.channelCount == 2)
        // Lossy codecs pad the end by up to a frame (1152 samples for MP3).
        #expect(audio.duration >= 0.6 - 1e-3 && audio.duration < 0.6 + 1152.0 / 44_100 + 1e-3)
        let onset = try #require(SyntheticAudio.onset(in: audio.channels[0]))
        #expect(abs(Double(onset) / 48_000 - 0.3) <= 0.001)
    }
}
