import Export
import FootfallCore
import Foundation
import Testing

extension Fuzz {
    /// `render --steps` takes any file a user hands it: hand-written CSV and JSON, and the MIDI and OTIO files a
    /// render wrote after another tool edited them. Each reads, or says what is wrong; none crashes.
    @Suite struct StepsFileReaderFuzzTests {
        static func steps(_ rng: inout SeededRandom, count: Int) -> [StepEvent] {
            (0..<count).map { _ in
                StepEvent(
                    time: Double(rng.below(600_000)) / 1000, frame: 0, walker: rng.below(70),
                    foot: rng.below(2) == 0 ? .left : .right, confidence: 1,
                    surface: rng.below(3) == 0 ? "gravel" : nil, gainDB: -Double(rng.below(40)))
            }
        }

        static let context = InterchangeContext(
            name: "clip", video: "/v/clip.mp4", audio: "/o/clip.footsteps.wav", stems: [], duration: 600,
            frameRate: 25)

        static func seeds() throws -> [[UInt8]] {
            var rng = SeededRandom(seed: Fuzzer.baseSeed, stream: Fuzzer.hash("steps files"))
            let a = steps(&rng, count: 5)
            let b = steps(&rng, count: 12)
            return [
                Array(try StepsMIDI.encode(a, context: context)), Array(try StepsMIDI.encode(b, context: context)),
                Array(try StepsOTIO.encode(a, context: context)),
                Array("0.5,left\n1.0,R,2,wood\n1.5,right,2,grass,boots\n".utf8),
                Array("time,foot,walker,surface\n0.25,left,1,gravel\n".utf8),
                Array(#"{"steps":[{"time":1.0,"foot":"left"}]}"#.utf8),
            ]
        }

        @Test func writtenMIDIAndOTIOReadBack() throws {
            var rng = SeededRandom(seed: Fuzzer.baseSeed, stream: Fuzzer.hash("interchange round trip"))
            for round in 0..<100 {
                let steps = Self.steps(&rng, count: rng.below(40)).sorted {
                    ($0.time, $0.walker) < ($1.time, $1.walker)
                }
                let midi = try StepsMIDI.parse(
                    try StepsMIDI.encode(steps, context: Self.context), source: "f.mid", frameRate: 25)
                let otio = try StepsOTIO.parse(
                    try StepsOTIO.encode(steps, context: Self.context), source: "f.otio", frameRate: 25)
                #expect(midi.count == steps.count && otio.count == steps.count, "round \(round)")
                for (a, b) in zip(steps, otio) { #expect(abs(a.time - b.time) <= 0.5 / 48_000, "round \(round)") }
                for b in midi {
                    #expect(steps.contains { abs($0.time - b.time) <= 0.5 / 1920 + 1e-9 }, "round \(round): \(b.time)")
                }
            }
        }

        @Test func anyBytesReadOrSayWhatIsWrong() async throws {
            let dictionary = [
                "MThd", "MTrk", "\u{FF}\u{51}\u{03}", "\u{90}", "OTIO_SCHEMA", "Marker.2", "marked_range", "rate",
                "left", "right", "time,foot", "\"steps\"",
            ]
            await Fuzzer("steps files", seeds: try Self.seeds(), iterations: 1_500, dictionary: dictionary).run {
                input in
                let contents = try StepsFileReader.parse(input.data, source: "fuzz", frameRate: 25)
                for e in contents.document.steps {
                    input.check(e.time.isFinite && e.time >= 0, "accepted time \(e.time)")
                }
            }
        }
    }
}
