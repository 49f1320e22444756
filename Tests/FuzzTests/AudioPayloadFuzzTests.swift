import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@testable import Sound

extension Fuzz {
    /// Audio that comes from outside: the clip a RunPod worker sends back (decoded, checked and cut into steps) and WAV
    /// files with a `bext` chunk read by `WAVReader`.
    @Suite struct AudioPayloadFuzzTests {
        static func seeds(in dir: URL) throws -> [[UInt8]] {
            // Four decaying noise bursts over quiet room noise, like the separate steps a worker should send.
            var rng = SeededRandom(seed: 5)
            let rate = 16_000
            var x = (0..<(rate * 5 / 2)).map { _ in Float(rng.uniform(-1...1)) * 0.0005 }
            for k in 0..<4 {
                let start = rate * 3 / 10 + k * rate * 55 / 100
                for i in 0..<(rate / 4) where start + i < x.count {
                    let envelope = i < 32 ? Double(i) / 32 : exp(-Double(i - 32) / (0.03 * Double(rate)))
                    x[start + i] += Float(envelope * rng.uniform(-1...1)) * 0.6
                }
            }
            let clicks = AudioBuffer(sampleRate: rate, channels: [x])
            var seeds: [[UInt8]] = []
            for (i, format) in WAVFormat.allCases.enumerated() {
                let path = dir.appendingPathComponent("seed\(i).wav").path
                try WAVWriter.write(
                    clicks, to: path, format: format,
                    broadcast: BroadcastInfo(description: "fuzz seed é", originator: "t"))
                seeds.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            }
            return seeds
        }

        /// Header fields (sample rate, channels, sizes) set to extreme values: the mutator rarely hits them by chance.
        static func pokeHeader(_ bytes: [UInt8], iteration: Int) -> [UInt8] {
            guard iteration % 3 == 0, bytes.count > 48 else { return bytes }
            var rng = SeededRandom(seed: UInt64(iteration), stream: 0x4ead)
            var out = bytes
            let values: [UInt32] = [0, 1, 2, 8, 0xFFFF, 0x7FFF_FFFF, 0xFFFF_FFFF, 96_000, 1 << 20]
            let value = values[rng.below(values.count)]
            let at = rng.below(min(60, out.count - 4))
            for k in 0..<(rng.below(2) == 0 ? 2 : 4) {
                out[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k)))
            }
            return out
        }

        @Test func runPodClipsDecodeOrAreRejected() async throws {
            let dir = try TestFiles.temporaryDirectory("fuzz-audio")
            defer { TestFiles.remove(dir) }
            var config = RunPodConfig(apiKey: "k", endpointID: "e")
            config.cacheDirectory = nil
            let backend = RunPodBackend(config: config, fallback: nil)
            await Fuzzer("runpod audio payload", seeds: try Self.seeds(in: dir), iterations: 40).run(
                accept: Self.rejected
            ) {
                input in
                let bytes = Self.pokeHeader(input.bytes, iteration: input.iteration)
                let steps = try backend.steps(fromClip: Data(bytes), sampleRate: 48_000)
                for step in steps {
                    input.check(step.audio.frameCount > 0, "an empty step")
                    input.check(step.audio.channels.allSatisfy { $0.allSatisfy(\.isFinite) }, "non-finite samples")
                    input.check(
                        (0..<step.audio.frameCount).contains(step.transientIndex), "transient outside the sound")
                }
            }
        }

        static func rejected(_ error: any Error) -> String? {
            guard let e = error as? RunPodError else { return "not a RunPodError: \(type(of: error))" }
            switch e {
            case .undecodableAudio, .rejectedClip: return Fuzzer.oneLine(e.description)
            default: return "unexpected \(e)"
            }
        }

        @Test func wavFilesReadOrAreRefused() async throws {
            let dir = try TestFiles.temporaryDirectory("fuzz-wav")
            defer { TestFiles.remove(dir) }
            let path = dir.appendingPathComponent("input.wav").path
            await Fuzzer("WAV with bext", seeds: try Self.seeds(in: dir), iterations: 150).run { input in
                try Data(Self.pokeHeader(input.bytes, iteration: input.iteration)).write(to: URL(fileURLWithPath: path))
                let contents = try WAVReader.read(path)
                input.check(
                    contents.audio.channels.allSatisfy { $0.count == contents.audio.frameCount }, "ragged planes")
                if let bext = contents.broadcast {
                    input.check(bext.description.utf8.count <= 256 && bext.originator.utf8.count <= 32, "bext overflow")
                }
            }
        }
    }
}
