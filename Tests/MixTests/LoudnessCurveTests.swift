import FootfallCore
import Foundation
import Testing

@testable import Mix

@Suite struct LoudnessCurveTests {
    @Test func steadySineReadsItsLoudnessAndSilenceIsLeftOut() throws {
        // A 997 Hz sine at −20 dBFS in both channels reads about −20 LUFS short-term once the 3 s window is full.
        let rate = 48_000
        let tone = (0..<(rate * 5)).map { Float(0.1 * sin(2 * Double.pi * 997 * Double($0) / Double(rate))) }
        let audio = AudioBuffer(channels: [
            tone + [Float](repeating: 0, count: rate * 4), tone + [Float](repeating: 0, count: rate * 4),
        ])
        let curve = try LoudnessMeter.shortTermCurve(audio, step: 0.5)
        let full = try #require(curve.first { abs($0.time - 4) < 0.01 })
        #expect(abs(full.lufs - -20) < 0.3)
        #expect(curve.allSatisfy { $0.time <= 8.01 })  // the last second is silent in the whole 3 s window
        #expect(try LoudnessMeter.shortTermCurve(AudioBuffer(channelCount: 2, frames: 0)).isEmpty)
    }
}
