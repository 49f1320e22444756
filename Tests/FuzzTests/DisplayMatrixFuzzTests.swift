import CFFmpeg
import FootfallCore
import Foundation
import Testing

@testable import MediaIO

extension Fuzz {
    /// A phone video's rotation comes from a 3×3 display matrix in its header: any nine numbers may be there.
    @Suite struct DisplayMatrixFuzzTests {
        @Test func anyMatrixGivesAQuarterTurn() {
            var rng = SeededRandom(seed: Fuzzer.baseSeed, stream: Fuzzer.hash("display matrix"))
            let extremes: [Int32] = [0, 1, -1, .max, .min, 1 << 16, -(1 << 16), 1 << 30]
            for round in 0..<Int(20_000 * Fuzzer.scale) {
                var matrix = (0..<9).map { _ in
                    rng.below(3) == 0 ? extremes[rng.below(extremes.count)] : Int32(truncatingIfNeeded: rng.next())
                }
                let ccw = av_display_rotation_get(&matrix)
                let turn = MediaProbe.clockwiseRotation(counterClockwise: ccw)
                #expect([0, 90, 180, 270].contains(turn), "round \(round): \(matrix) → \(ccw)° → \(turn)")
            }
            for ccw in [Double.nan, .infinity, -.infinity, 1e300, -1e300, .greatestFiniteMagnitude, 45, -45, 135] {
                #expect([0, 90, 180, 270].contains(MediaProbe.clockwiseRotation(counterClockwise: ccw)))
            }
        }

        @Test func taggedRotationsReadBack() {
            for cw in stride(from: -720, through: 720, by: 90) {
                var matrix = [Int32](repeating: 0, count: 9)
                av_display_rotation_set(&matrix, Double(cw))
                let turn = MediaProbe.clockwiseRotation(counterClockwise: av_display_rotation_get(&matrix))
                #expect(turn == ((cw % 360) + 360) % 360, "tagged \(cw)° read as \(turn)°")
            }
        }
    }
}
