import FootfallCore

/// How a shoe shapes the ground-reaction force: a smooth force pulse (its length sets how bright the impact is)
/// plus a "click" of the hard sole edge, and how heel and toe contacts compare.
struct ShoeProfile {
    /// Rise time of the heel's force in seconds: a fast rise excites high modes (hard soles), a slow one only low.
    var heelRise: Double
    /// Length of the heel's whole force pulse in seconds (rise + fall).
    var heelPulse: Double
    /// Toe/ball pulse length relative to the heel's.
    var toePulseScale: Double
    /// Sole-edge click level relative to the force pulse (0 = none).
    var click: Double
    /// Click decay time constant in seconds.
    var clickDecay: Double
    /// Band of the click: soft rubber clicks are dull, leather and heels bright.
    var clickLow: Double
    var clickHigh: Double
    /// Toe/ball contact level relative to the heel.
    var toeLevel: Double
    /// How much low-frequency body thump the contact carries (mass of shoe and foot).
    var weight: Double
    /// Centre of the low thump in Hz.
    var thumpFrequency: Double
    /// Skin-on-ground slap (barefoot): a dull short noise burst.
    var slap: Double
    /// How much grit and scuff the sole makes on a hard floor (rubber and leather scrape, skin hardly).
    var grit: Double = 1

    static func profile(for shoe: ShoeKind) -> ShoeProfile {
        switch shoe {
        case .sneaker:
            return ShoeProfile(
                heelRise: 0.003, heelPulse: 0.014, toePulseScale: 1.3, click: 0.3, clickDecay: 0.0015, clickLow: 300,
                clickHigh: 2500,
                toeLevel: 0.6, weight: 0.55, thumpFrequency: 90, slap: 0, grit: 0.8)
        case .leather:
            return ShoeProfile(
                heelRise: 0.0008, heelPulse: 0.004, toePulseScale: 1.4, click: 1.1, clickDecay: 0.0012, clickLow: 1500,
                clickHigh: 12000, toeLevel: 0.5, weight: 0.45, thumpFrequency: 110, slap: 0)
        case .boots:
            return ShoeProfile(
                heelRise: 0.002, heelPulse: 0.011, toePulseScale: 1.2, click: 0.4, clickDecay: 0.0012, clickLow: 700,
                clickHigh: 7000,
                toeLevel: 0.7, weight: 1.0, thumpFrequency: 70, slap: 0)
        case .heels:
            return ShoeProfile(
                heelRise: 0.0004, heelPulse: 0.002, toePulseScale: 3.0, click: 1.8, clickDecay: 0.0015, clickLow: 2500,
                clickHigh: 16000, toeLevel: 0.2, weight: 0.25, thumpFrequency: 140, slap: 0, grit: 0.5)
        case .barefoot:
            return ShoeProfile(
                heelRise: 0.004, heelPulse: 0.015, toePulseScale: 1.1, click: 0, clickDecay: 0.001, clickLow: 300,
                clickHigh: 1500,
                toeLevel: 0.7, weight: 0.35, thumpFrequency: 85, slap: 1.5, grit: 0.1)
        }
    }
}
