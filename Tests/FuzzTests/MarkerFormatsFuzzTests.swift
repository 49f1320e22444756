import Export
import FootfallCore
import Foundation
import Testing

extension Fuzz {
    /// Marker files come back from DAWs and editors after hand edits; each parser must read them or say which line is
    /// wrong, and what the writers produce must read back.
    @Suite struct MarkerFormatsFuzzTests {
        static let frameRate = 29.97

        static func events(_ rng: inout SeededRandom, count: Int) -> [StepEvent] {
            (0..<count).map { _ in
                // Millisecond times within an hour and a half: every format (REAPER keeps milliseconds) holds them exactly.
                let time = Double(rng.below(5_400_000)) / 1000
                return StepEvent(
                    time: time, frame: MarkerFormatsFuzzTests.frame(time), walker: rng.below(40),
                    foot: rng.below(2) == 0 ? .left : .right, confidence: Double(rng.below(1001)) / 1000,
                    method: "zeni",
                    surface: ["gravel", "wood, old", "tile \"new\""][rng.below(3)])
            }
        }

        static func frame(_ time: Double) -> Int { Int((time * frameRate).rounded()) }

        @Test(arguments: MarkerFormat.allCases)
        func writtenMarkersReadBack(_ format: MarkerFormat) throws {
            var rng = SeededRandom(seed: Fuzzer.baseSeed, stream: Fuzzer.hash(format.rawValue))
            for round in 0..<(format == .edl ? 60 : 200) {
                let events = Self.events(&rng, count: rng.below(30))
                let text = MarkerFormats.write(events, format: format, frameRate: Self.frameRate)
                let parsed = try MarkerFormats.parse(text, format: format, frameRate: Self.frameRate)
                let sorted = events.sorted { ($0.time, $0.walker) < ($1.time, $1.walker) }
                #expect(parsed.count == sorted.count, "round \(round) (seed \(Fuzzer.baseSeed))")
                for (a, b) in zip(sorted, parsed) {
                    #expect(abs(a.time - b.time) < 1e-6, "\(format) round \(round): time \(a.time) read as \(b.time)")
                    #expect(a.walker == b.walker && a.foot == b.foot, "\(format) round \(round): \(a) read as \(b)")
                }
            }
        }

        @Test(arguments: MarkerFormat.allCases)
        func anyTextParsesOrNamesTheLine(_ format: MarkerFormat) async {
            var rng = SeededRandom(seed: 7, stream: Fuzzer.hash(format.rawValue))
            let seeds = (0..<4).map { n in
                MarkerFormats.write(Self.events(&rng, count: 1 + n * 4), format: format, frameRate: Self.frameRate)
            }
            let dictionary = [
                "\t", ",", "M1", "R1", "W1 L heel", "W-9 R toe", "99:99:99:99", "* FOOTFALL: time=", "1:2:3:4",
            ]
            await Fuzzer("\(format) markers", textSeeds: seeds, iterations: 800, dictionary: dictionary).run { input in
                let events = try MarkerFormats.parse(input.text, format: format, frameRate: Self.frameRate)
                for e in events {
                    input.check(e.time.isFinite && e.time >= 0, "accepted time \(e.time)")
                    input.check(e.confidence.isFinite, "accepted confidence \(e.confidence)")
                }
                // What was read can be written again.
                _ = MarkerFormats.write(events, format: format, frameRate: Self.frameRate)
            }
        }

        @Test func writersTakeAnyFrameRate() {
            let rates = [0, -1, 1e-300, 1e300, .infinity, -.infinity, .nan, 23.976, 1000]
            let events = [StepEvent(time: 1e9, frame: Int.max, walker: Int.min, foot: .left, confidence: .nan)]
            for rate in rates {
                for format in MarkerFormat.allCases {
                    let text = MarkerFormats.write(events, format: format, frameRate: rate)
                    #expect(!text.isEmpty)
                    _ = try? MarkerFormats.parse(text, format: format, frameRate: rate)
                }
            }
        }
    }
}
