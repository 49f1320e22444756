import FootfallCore

extension SurfaceKind {
    /// Other surfaces ordered from most to least similar in sound, for when recordings of this one are missing.
    public var similarSurfaces: [SurfaceKind] {
        let nearest: [SurfaceKind]
        switch self {
        case .concrete: nearest = [.tile, .wood, .metal, .sand, .gravel]
        case .tile: nearest = [.concrete, .wood, .metal, .wet]
        case .wood: nearest = [.tile, .concrete, .metal]
        case .metal: nearest = [.tile, .concrete, .wood]
        case .gravel: nearest = [.sand, .snow, .leaves, .concrete, .grass]
        case .sand: nearest = [.gravel, .grass, .snow, .leaves]
        case .snow: nearest = [.gravel, .sand, .leaves, .grass]
        case .grass: nearest = [.leaves, .sand, .snow, .gravel]
        case .leaves: nearest = [.grass, .gravel, .snow, .sand]
        case .wet: nearest = [.concrete, .tile, .grass, .sand]
        }
        return nearest + SurfaceKind.allCases.filter { $0 != self && !nearest.contains($0) }
    }
}
