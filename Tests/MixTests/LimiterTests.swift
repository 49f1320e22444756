import FootfallCore
import Foundation
import Testing

@testable import Mix

/// Longest run of consecutive samples with the same value among the loud ones: hard clipping makes flat tops.
private func longestFlatRun(_ x: [Float], above level: Float) -> Int {
    var longest = 1
    var run = 1
    for i in 1..<x.count {
        if abs(x[i]) >= level, x[i] == x[i - 1] {
            run += 1
            longest = max(longest, run)
        } else {
            run = 1
        }
    }
    return longest
}

@Test func limiterHoldsTruePeakWithoutClipping() {
    // Bursts up to 5 dB over the ceiling, including a near-Nyquist tone whose inter-sample peaks exceed its samples.
    var left = [Float](repeating: 0, count: 48_000)
    var right = left
    for i in 4_800..<9_600 { left[i] = 1.6 * sin(Float(i) * 2 * .pi * 440 / 48_000) }
    for i in 20_000..<22_000 { right[i] = 1.2 * sin(Float(i) * 2 * .pi * 11_999 / 48_000 + 0.7) }
    for i in 30_000..<30_010 { left[i] = i.isMultiple(of: 2) ? 1.5 : -1.5 }
    let input = AudioBuffer(channels: [left, right])
    let out = TruePeakLimiter(ceiling: -1).process(input)
    let measured = TestSounds.ebur128(out.audio)
    #expect(measured.truePeak <= -1.0, "true peak \(measured.truePeak) dBTP")
    #expect(out.maxReduction > 5)
    let level = out.audio.peak * 0.5
    #expect(longestFlatRun(out.audio.channels[0], above: level) <= 2)
    #expect(longestFlatRun(out.audio.channels[1], above: level) <= 2)
    // Quiet parts are left alone.
    #expect(out.audio.channels[0][40_000] == input.channels[0][40_000])
    #expect(out.audio.channels[0].allSatisfy { $0.isFinite })
}

@Test func limiterLeavesQuietAudioUntouched() {
    let x = (0..<4_800).map { Float(0.3 * sin(Double($0) * 0.05)) }
    let input = AudioBuffer(channels: [x, x])
    let out = TruePeakLimiter().process(input)
    #expect(out.audio == input)
    #expect(out.maxReduction == 0)
}

@Test func slidingMinimumMatchesBruteForce() {
    var rng = SeededRandom(seed: 9)
    let x = (0..<500).map { _ in Float(rng.unit()) }
    let fast = TruePeakLimiter.slidingMinimum(x, before: 7, ahead: 3)
    for i in x.indices {
        let lo = max(0, i - 7)
        let hi = min(x.count - 1, i + 3)
        #expect(fast[i] == x[lo...hi].min())
    }
}
