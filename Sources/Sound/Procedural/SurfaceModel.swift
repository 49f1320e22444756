import FootfallCore

/// How a surface turns a step's force into sound (the part of a footstep that is the ground, not the shoe).
protocol SurfaceModel: Sendable {
    /// Seconds of sound after the toe contact starts.
    var tail: Double { get }
    /// How much of the low body thump (foot mass on the ground) the surface carries: boomy wood high, snow low.
    var thumpTransmission: Double { get }
    /// How much of the sole's click is heard directly (hard floors let it through, aggregates swallow it).
    var clickTransmission: Double { get }
    /// The surface's response to `excitation`, `count` samples long.
    func render(_ excitation: StepExcitation, count: Int, rng: inout SeededRandom) -> [Double]
}

extension SurfaceKind {
    /// The synthesis model of each surface: struck bodies for hard floors, particle systems for aggregates,
    /// shaped noise for soft ground, bubbles for water.
    var model: any SurfaceModel {
        switch self {
        case .concrete: return ModalSurface.concrete
        case .wood: return ModalSurface.wood
        case .tile: return ModalSurface.tile
        case .metal: return ModalSurface.metal
        case .gravel: return ParticleSurface.gravel
        case .snow: return ParticleSurface.snow
        case .leaves: return ParticleSurface.leaves
        case .grass: return NoiseBurstSurface.grass
        case .sand: return NoiseBurstSurface.sand
        case .wet: return SplashSurface.wet
        }
    }
}
