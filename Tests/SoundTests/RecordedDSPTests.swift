import Foundation
import Testing

@testable import Sound

/// The recorded backend's variation: the pitch shift moves frequencies by the ratio asked for, the tilt turns
/// highs up or down around 1 kHz and leaves the sound alone at 0 dB.
@Suite struct RecordedDSPTests {
    static func tone(_ frequency: Double, seconds: Double = 0.5) -> [Float] {
        (0..<Int(seconds * 48_000)).map { Float(0.5 * sin(2 * Double.pi * frequency * Double($0) / 48_000)) }
    }

    /// Frequency from zero crossings in the middle of the signal (away from the kernel's edges).
    static func frequency(of x: [Float]) -> Double {
        let middle = x[(x.count / 4)..<(3 * x.count / 4)]
        var crossings = 0
        for (a, b) in zip(middle, middle.dropFirst()) where (a < 0) != (b < 0) { crossings += 1 }
        return Double(crossings) / 2 / (Double(middle.count) / 48_000)
    }

    static func rms(_ x: [Float]) -> Double {
        (x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(1, x.count))).squareRoot()
    }

    @Test(arguments: [-55.0, -20.0, 30.0, 55.0])
    func resampling_shifts_the_pitch_by_the_ratio(cents: Double) {
        let ratio = pow(2, cents / 1200)
        let shifted = SliceResampler.resample(Self.tone(1_000), ratio: ratio)
        #expect(abs(Double(shifted.count) - 24_000 / ratio) <= 1)
        #expect(abs(Self.frequency(of: shifted) / (1_000 * ratio) - 1) < 0.003)
        // Level kept (the kernel has unity gain), no aliasing of a high tone read faster.
        #expect(abs(Self.rms(shifted) / Self.rms(Self.tone(1_000)) - 1) < 0.01)
        let high = SliceResampler.resample(Self.tone(15_000), ratio: ratio)
        #expect(abs(Self.rms(high) / Self.rms(Self.tone(15_000)) - 1) < 0.05)
    }

    @Test func a_ratio_of_one_returns_the_input() {
        let x = Self.tone(440, seconds: 0.1)
        #expect(SliceResampler.resample(x, ratio: 1) == x)
        #expect(SliceResampler.resample([], ratio: 1.02).isEmpty)
    }

    @Test func tilt_turns_highs_up_and_lows_down_and_zero_is_the_identity() {
        let low = Self.tone(100)
        let high = Self.tone(8_000)
        #expect(TiltFilter.apply(low, tiltDB: 0, sampleRate: 48_000) == low)
        let brighterLow = 20 * log10(Self.rms(TiltFilter.apply(low, tiltDB: 3, sampleRate: 48_000)) / Self.rms(low))
        let brighterHigh = 20 * log10(Self.rms(TiltFilter.apply(high, tiltDB: 3, sampleRate: 48_000)) / Self.rms(high))
        #expect(brighterLow < -1 && brighterLow > -1.6, "100 Hz changed by \(brighterLow) dB")
        #expect(brighterHigh > 1 && brighterHigh < 1.6, "8 kHz changed by \(brighterHigh) dB")
    }
}
