import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@Suite struct ValidationTests {
    @Test func missingFileSuggestsNearMiss() throws {
        let dir = try TestFiles.temporaryDirectory("val-missing")
        defer { TestFiles.remove(dir) }
        try SyntheticClip.make(at: dir.appendingPathComponent("walking.mp4").path, duration: 0.2)
        let error = try badInput { try MediaProbe.probe(dir.appendingPathComponent("walkng.mp4").path) }
        #expect(error.contains("no such file"))
        #expect(error.contains("did you mean"))
        #expect(error.contains("walking.mp4"))
    }

    @Test func zeroByteFile() throws {
        let dir = try TestFiles.temporaryDirectory("val-empty")
        defer { TestFiles.remove(dir) }
        let path = try TestFiles.write([], named: "empty.mp4", in: dir)
        #expect(try badInput { try MediaProbe.probe(path) }.contains("empty"))
    }

    @Test func randomBytes() throws {
        let dir = try TestFiles.temporaryDirectory("val-random")
        defer { TestFiles.remove(dir) }
        let path = try TestFiles.write(TestFiles.randomBytes(count: 100_000), named: "noise.mp4", in: dir)
        _ = try badInput { try MediaProbe.probe(path) }
        _ = try badInput { _ = try VideoDecoder(path: path) }
        _ = try badInput { _ = try decodeAudio(path: path) }
    }

    @Test func truncatedFileNeverCrashes() throws {
        let dir = try TestFiles.temporaryDirectory("val-trunc")
        defer { TestFiles.remove(dir) }
        let clip = try SyntheticClip.make(
            at: dir.appendingPathComponent("full.avi").path, container: .avi, codec: .mpeg4)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: clip.path)))
        for fraction in [0.02, 0.5, 0.9] {
            let path = try TestFiles.write(
                Array(bytes.prefix(Int(Double(bytes.count) * fraction))), named: "cut\(fraction).avi", in: dir)
            do {
                let decoder = try VideoDecoder(path: path, size: .fit(maxDimension: 64))
                var count = 0
                while try decoder.nextFrame() != nil { count += 1 }
                #expect(count <= clip.frameTimes.count)
            } catch let error as FootfallError {
                #expect(error.exitCode == 2)
            }
        }
    }

    @Test func audioOnlyFile() throws {
        let dir = try TestFiles.temporaryDirectory("val-audio")
        defer { TestFiles.remove(dir) }
        let wav = dir.appendingPathComponent("tone.wav").path
        try WAVWriter.write(SyntheticAudio.sine(frequency: 440, duration: 0.5), to: wav)
        let message = try badInput { try MediaProbe.probe(wav) }
        #expect(message.contains("no video stream"))
        #expect(message.contains("audio-only"))
    }

    @Test func folderInsteadOfFile() throws {
        let dir = try TestFiles.temporaryDirectory("val-folder")
        defer { TestFiles.remove(dir) }
        #expect(try badInput { try MediaProbe.probe(dir.path) }.contains("folder"))
    }

    /// Runs `body`, expects `FootfallError.badInput`, returns its message.
    private func badInput<T>(_ body: () throws -> T) throws -> String {
        do {
            _ = try body()
        } catch FootfallError.badInput(let message) {
            return message
        }
        Issue.record("expected a badInput error")
        return ""
    }
}
