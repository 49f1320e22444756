import FootfallCore
import Foundation

/// Soft ground (grass, sand) as shaped noise bursts: each contact an attack–decay envelope on band-limited noise,
/// with optional sparse grit (a thin particle layer).
struct NoiseBurstSurface: SurfaceModel {
    /// Seconds.
    var attack: Double
    var decay: Double
    var band: ClosedRange<Double>
    /// Grit grains per second at full level, their decay (s), band and level.
    var gritRate: Double
    var gritDecay: Double
    var gritBand: ClosedRange<Double>
    var grit: Double
    var tail: Double
    var thumpTransmission: Double
    var clickTransmission: Double

    func render(_ excitation: StepExcitation, count: Int, rng: inout SeededRandom) -> [Double] {
        let rate = excitation.sampleRate
        let pitch = excitation.pitch
        var envelope = [Double](repeating: 0, count: count)
        for c in excitation.contacts {
            let length = min(count - c.start, Int((attack + decay * 6) * rate))
            let attack = attack * rng.uniform(0.8...1.25)
            let decay = decay * rng.uniform(0.8...1.25)
            for i in 0..<max(length, 0) {
                let t = Double(i) / rate
                envelope[c.start + i] += c.amplitude * (1 - exp(-t / attack)) * exp(-t / decay)
            }
        }
        var low = Biquad(.highpass, frequency: band.lowerBound * pitch, sampleRate: rate)
        var high = Biquad(.lowpass, frequency: band.upperBound * pitch, sampleRate: rate)
        var high2 = Biquad(.lowpass, frequency: band.upperBound * pitch, sampleRate: rate)
        var gritLow = Biquad(.highpass, frequency: gritBand.lowerBound * pitch, sampleRate: rate)
        var gritHigh = Biquad(.lowpass, frequency: gritBand.upperBound * pitch, sampleRate: rate)
        let gritCoefficient = exp(-1 / (gritDecay * rate))
        var gritLevel = 0.0
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count {
            var sample = high2.process(high.process(low.process(rng.bipolar() * envelope[i])))
            if grit > 0 {
                if rng.unit() < gritRate / rate * envelope[i] { gritLevel += envelope[i] * rng.uniform(0.3...1) }
                gritLevel *= gritCoefficient
                sample += grit * gritHigh.process(gritLow.process(gritLevel * rng.bipolar()))
            }
            out[i] = sample
        }
        return out
    }
}

// Calibrated against the recordings setup installs (see ModalSurface).
extension NoiseBurstSurface {
    /// Grass as recorded: a long, bright swish of blades (about 0.55 s, centroid near 5 kHz) that swells in
    /// over tens of milliseconds, with a little low body from the foot.
    static let grass = NoiseBurstSurface(
        attack: 0.03, decay: 0.13, band: 900...11000, gritRate: 0, gritDecay: 0.001, gritBand: 2000...6000,
        grit: 0, tail: 0.7, thumpTransmission: 0.8,
        clickTransmission: 0.05)

    /// Sand as recorded: a grainy hiss near 1.5 kHz, swelling in as the foot sinks, no low thump.
    static let sand = NoiseBurstSurface(
        attack: 0.025, decay: 0.05, band: 700...2600, gritRate: 1400, gritDecay: 0.0005, gritBand: 2500...6000,
        grit: 0.3, tail: 0.3, thumpTransmission: 0.03, clickTransmission: 0.02)
}
