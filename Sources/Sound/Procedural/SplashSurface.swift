import FootfallCore
import Foundation

/// Shallow water: a noise splash per contact plus bubbles, each a damped sinusoid whose pitch rises as the
/// bubble nears the surface (van den Doel's bubble model: f(t) = f0·(1 + σt)).
struct SplashSurface: SurfaceModel {
    var splashAttack: Double
    var splashDecay: Double
    var splashBand: ClosedRange<Double>
    /// Bubbles per full-level contact, their start spread (s) and base-frequency range (Hz).
    var bubbles: Double
    var bubbleSpread: Double
    var bubbleFrequencies: ClosedRange<Double>
    var bubbleLevel: Double
    var tail: Double
    var thumpTransmission: Double
    var clickTransmission: Double

    func render(_ excitation: StepExcitation, count: Int, rng: inout SeededRandom) -> [Double] {
        let rate = excitation.sampleRate
        let pitch = excitation.pitch
        var out = [Double](repeating: 0, count: count)
        var low = Biquad(.highpass, frequency: splashBand.lowerBound * pitch, sampleRate: rate)
        var high = Biquad(.lowpass, frequency: splashBand.upperBound * pitch, sampleRate: rate)
        var envelope = [Double](repeating: 0, count: count)
        for c in excitation.contacts {
            for i in 0..<max(0, min(count - c.start, Int(splashDecay * 7 * rate))) {
                let t = Double(i) / rate
                envelope[c.start + i] += c.amplitude * (1 - exp(-t / splashAttack)) * exp(-t / splashDecay)
            }
        }
        for i in 0..<count { out[i] = high.process(low.process(rng.bipolar() * envelope[i])) }
        for c in excitation.contacts {
            let n = Int((bubbles * c.amplitude * rng.uniform(0.6...1.4)).rounded())
            for _ in 0..<n { addBubble(after: c, to: &out, rate: rate, pitch: pitch, rng: &rng) }
        }
        return out
    }

    private func addBubble(
        after contact: StepExcitation.Contact, to out: inout [Double], rate: Double, pitch: Double,
        rng: inout SeededRandom
    ) {
        let start = contact.start + Int(-log(max(rng.unit(), 1e-9)) * bubbleSpread * rate)
        let logLow = log(bubbleFrequencies.lowerBound)
        let logHigh = log(bubbleFrequencies.upperBound)
        let f0 = exp(rng.uniform(logLow...logHigh)) * pitch
        // Small bubbles ring higher and die faster.
        let decay = 0.002 + 8 / f0
        let rise = rng.uniform(15...45)
        let amplitude = bubbleLevel * contact.amplitude * rng.uniform(0.3...1)
        let length = Int(decay * 5 * rate)
        var phase = 0.0
        for i in 0..<length where start + i < out.count {
            let t = Double(i) / rate
            phase += 2 * Double.pi * f0 * (1 + rise * t) / rate
            // A 0.5 ms fade-in: a bubble starts from rest, not with a click.
            let onset = min(1, t / 0.0005)
            out[start + i] += amplitude * onset * sin(phase) * exp(-t / decay)
        }
    }
}

extension SplashSurface {
    static let wet = SplashSurface(
        splashAttack: 0.003, splashDecay: 0.08, splashBand: 500...3500, bubbles: 14, bubbleSpread: 0.12,
        bubbleFrequencies: 500...2800, bubbleLevel: 0.5, tail: 0.8, thumpTransmission: 0.4, clickTransmission: 0.2)
}
