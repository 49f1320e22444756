import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

/// Every corpus file either probes and decodes to the end, or is refused with one clear message — never a crash.
@Suite struct CorpusProbeTests {
    enum Expected: Sendable {
        case ok(width: Int, height: Int)
        case refused(String)
    }

    static let cases: [(String, Expected)] = [
        ("zero_bytes.mp4", .refused("empty")),
        ("random_bytes.mp4", .refused("cannot read")),
        ("truncated_no_moov.mp4", .refused("cannot read")),
        ("audio_only.mp4", .refused("no video stream")),
        ("audio_only.m4a", .refused("no video stream")),
        ("still_image.png", .refused("still image")),
        ("moov_at_end.mp4", .ok(width: 320, height: 240)),
        ("faststart.mp4", .ok(width: 320, height: 240)),
        ("truncated.mp4", .ok(width: 320, height: 240)),
        ("single_frame.mp4", .ok(width: 320, height: 240)),
        ("rotated_90.mp4", .ok(width: 240, height: 320)),
        ("rotated_180.mp4", .ok(width: 320, height: 240)),
        ("rotated_270.mp4", .ok(width: 240, height: 320)),
        ("vfr.mp4", .ok(width: 320, height: 240)),
        ("tiny_2x2.mp4", .ok(width: 2, height: 2)),
        ("tiny_1x1.mp4", .ok(width: 1, height: 1)),
        ("odd_721x405.mp4", .ok(width: 721, height: 405)),
        ("dci_4096x2160.mp4", .ok(width: 4096, height: 2160)),
        ("ten_bit.mp4", .ok(width: 320, height: 240)),
        ("yuv444.mp4", .ok(width: 320, height: 240)),
        ("nobody.mp4", .ok(width: 320, height: 240)),
    ]

    @Test(arguments: cases.map(\.0))
    func probeAndDecode(_ name: String) throws {
        let path = try BadInputCorpus.file(name)
        let expected = Self.cases.first { $0.0 == name }!.1
        switch expected {
        case .refused(let phrase):
            do {
                _ = try MediaProbe.probe(path)
                Issue.record("\(name) should be refused")
            } catch let e as FootfallError {
                #expect(e.exitCode == 2)
                #expect(e.description.contains(phrase), "message: \(e.description)")
                #expect(!e.description.contains("\n"), "one line")
            }
        case .ok(let width, let height):
            let info = try MediaProbe.probe(path)
            #expect(info.width == width && info.height == height)
            let decoder = try VideoDecoder(path: path, size: .fit(maxDimension: 128))
            var frames = 0
            var last = -Double.infinity
            do {
                while let f = try decoder.nextFrame() {
                    #expect(f.time >= last, "timestamps go forward")
                    last = f.time
                    frames += 1
                }
            } catch let e as FootfallError {
                // A damaged file may stop early, but with a clear error, not a crash.
                #expect(name.hasPrefix("truncated"), "\(name): \(e.description)")
            }
            #expect(frames >= 1)
        }
    }
}
