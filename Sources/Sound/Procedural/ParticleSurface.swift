import FootfallCore
import Foundation

/// An aggregate (gravel, snow, leaves) as Cook's PhISEM particle model: the step's load feeds a system energy that
/// decays (`systemDecay`); each sample a collision happens with a probability that grows with that energy, adding
/// to a sound level that decays fast (`soundDecay`); that level times noise excites a bank of two-pole resonators,
/// which are retuned at random on collisions (grains differ).
struct ParticleSurface: SurfaceModel {
    struct Band: Sendable {
        var frequency: Double
        /// Seconds to −60 dB: sets the band's width.
        var decay: Double
        var gain: Double
    }

    /// Collisions per second at full energy.
    var collisionRate: Double
    /// Time constant (s) of the system energy after the load: how long the crunch goes on.
    var systemDecay: Double
    /// Time constant (s) of each collision's sound.
    var soundDecay: Double
    /// How much slower than a floor an aggregate takes the load (compression).
    var loadStretch: Double
    var bands: [Band]
    /// Fractional random retuning of a band at each collision.
    var frequencyJitter: Double
    /// Part of the raw collision noise heard unfiltered (crispness).
    var direct: Double
    /// Continuous noise following the energy (leaves rustling), level and band.
    var rustle: Double
    var rustleBand: ClosedRange<Double>
    var lowpass: Double?
    var highpass: Double
    var tail: Double
    var thumpTransmission: Double
    var clickTransmission: Double

    func render(_ excitation: StepExcitation, count: Int, rng: inout SeededRandom) -> [Double] {
        let rate = excitation.sampleRate
        let pitch = excitation.pitch
        let load = excitation.forcePulses(count: count, stretch: loadStretch, unitArea: true)
        let systemCoefficient = exp(-1 / (systemDecay * rate))
        let soundCoefficient = exp(-1 / (soundDecay * rate))
        // Energy is a leaky integral of the load, scaled so a full contact brings it to about 1.
        let energyGain = 1 - systemCoefficient
        let injectionScale = systemDecay * rate * energyGain
        var resonators = bands.map {
            TwoPoleResonator(
                frequency: $0.frequency * pitch, decay: $0.decay, sampleRate: rate, gain: $0.gain, normalization: .peak)
        }
        var rustleLow = Biquad(.highpass, frequency: rustleBand.lowerBound * pitch, sampleRate: rate)
        var rustleHigh = Biquad(.lowpass, frequency: rustleBand.upperBound * pitch, sampleRate: rate)
        var outputHigh = Biquad(.highpass, frequency: highpass * pitch, sampleRate: rate)
        var outputLow = lowpass.map { Biquad(.lowpass, frequency: $0 * pitch, sampleRate: rate) }
        var energy = 0.0
        var level = 0.0
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count {
            energy = energy * systemCoefficient + load[i] * injectionScale
            if rng.unit() < collisionRate / rate * min(energy, 1.5) {
                // A grain: random size, and one band retuned so consecutive grains differ.
                level += energy * rng.uniform(0.2...1)
                if !resonators.isEmpty {
                    let k = Int(rng.unit() * Double(resonators.count))
                    let band = bands[k]
                    resonators[k].tune(
                        frequency: band.frequency * pitch * (1 + frequencyJitter * rng.bipolar()), decay: band.decay,
                        sampleRate: rate, gain: band.gain, normalization: .peak)
                }
            }
            level *= soundCoefficient
            let grain = level * rng.bipolar()
            var sample = grain * direct
            for k in resonators.indices { sample += resonators[k].process(grain) }
            if rustle > 0 {
                sample += rustle * energy * rustleHigh.process(rustleLow.process(rng.bipolar()))
            }
            sample = outputHigh.process(sample)
            if outputLow != nil { sample = outputLow!.process(sample) }
            out[i] = sample
        }
        return out
    }
}

extension ParticleSurface {
    /// Many crunchy grains (STK's big/little rocks region), the crunch going on as the weight rolls over; centred
    /// near 2.8 kHz as the recordings are.
    static let gravel = ParticleSurface(
        collisionRate: 2500, systemDecay: 0.14, soundDecay: 0.0025, loadStretch: 1.0,
        bands: [
            Band(frequency: 1000, decay: 0.006, gain: 0.7), Band(frequency: 2100, decay: 0.005, gain: 1.0),
            Band(frequency: 3400, decay: 0.004, gain: 0.9), Band(frequency: 5200, decay: 0.003, gain: 0.6),
        ], frequencyJitter: 0.3, direct: 0.04, rustle: 0, rustleBand: 1000...8000, lowpass: 8000, highpass: 350,
        tail: 0.45, thumpTransmission: 0.25, clickTransmission: 0.1)

    /// Compressing snow as recorded: a dull, dense crunch mostly below 500 Hz (65–80 % of it below 250 Hz) that
    /// builds over the first 0.1 s as the snow packs, about 0.3 s long.
    static let snow = ParticleSurface(
        collisionRate: 5000, systemDecay: 0.1, soundDecay: 0.0015, loadStretch: 3,
        bands: [
            Band(frequency: 170, decay: 0.02, gain: 1.0), Band(frequency: 300, decay: 0.016, gain: 0.9),
            Band(frequency: 480, decay: 0.012, gain: 0.5), Band(frequency: 390, decay: 0.08, gain: 0.4),
        ], frequencyJitter: 0.15, direct: 0.005, rustle: 0, rustleBand: 500...3000, lowpass: 1000, highpass: 60,
        tail: 0.45, thumpTransmission: 1.0, clickTransmission: 0.01)

    /// Dry leaves: sparse sharp crackles over a high rustle that lasts while the foot moves through them.
    static let leaves = ParticleSurface(
        collisionRate: 400, systemDecay: 0.1, soundDecay: 0.0007, loadStretch: 1.2,
        bands: [
            Band(frequency: 2600, decay: 0.002, gain: 0.7), Band(frequency: 4600, decay: 0.0018, gain: 1.0),
            Band(frequency: 7000, decay: 0.0015, gain: 0.9), Band(frequency: 10000, decay: 0.0012, gain: 0.6),
        ], frequencyJitter: 0.35, direct: 0.1, rustle: 0.02, rustleBand: 2000...9000, lowpass: 12000, highpass: 800,
        tail: 0.4, thumpTransmission: 0.15, clickTransmission: 0.1)
}
