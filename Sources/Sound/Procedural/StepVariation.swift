import FootfallCore
import Foundation

/// The per-step random choices that keep consecutive steps from sounding like a machine gun.
struct StepVariation {
    /// Overall gain change in dB (±2 dB).
    var gainDB: Double
    /// Pitch change in cents (about ±50–100), applied to every frequency of the surface and shoe.
    var cents: Double
    /// Heel-to-toe delay in seconds.
    var toeDelay: Double
    /// Multiplies the force pulse lengths (small timing variation of the contact itself).
    var pulseScale: Double
    /// Toe level relative to the shoe's nominal (how much the walker rolls through).
    var toeLevelScale: Double

    var pitchRatio: Double { pow(2, cents / 1200) }

    init(request: SoundRequest, rng: inout SeededRandom) {
        // Left and right feet differ a little in a fixed way (a walker's two shoes and gait are not identical).
        let footCents = request.foot == .left ? -15.0 : 15.0
        let footGain = request.foot == .left ? 0.0 : -0.6
        gainDB = rng.uniform(-2...2) + footGain
        cents = min(max(rng.gaussian() * 45, -100), 100) + footCents
        // Faster steps roll through the foot faster: the delay is ~12 % of the step interval, within 30–120 ms; a
        // run's heel drops 20–40 ms after its forefoot landing.
        let interval = request.safeStepInterval ?? 0.55
        let shortest = 0.03 - 0.01 * StepExcitation.runShare(stepInterval: request.safeStepInterval)
        let nominal = min(max(interval * 0.12, shortest), 0.12) * (request.foot == .left ? 1.0 : 1.05)
        toeDelay = min(max(nominal * rng.uniform(0.85...1.15), shortest), 0.12)
        pulseScale = rng.uniform(0.85...1.15)
        toeLevelScale = rng.uniform(0.75...1.15)
    }
}
