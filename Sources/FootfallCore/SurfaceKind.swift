/// The surfaces every stage agrees on. Sound backends make these; the surface stage guesses among them.
public enum SurfaceKind: String, Codable, Sendable, CaseIterable {
    case concrete, wood, tile, gravel, grass, sand, snow, metal, wet, leaves

    /// Other words users (and classifiers) use for the same sound.
    public static let aliases: [String: SurfaceKind] = [
        "asphalt": .concrete, "pavement": .concrete, "stone": .tile, "cobblestone": .tile, "marble": .tile,
        "dirt": .sand, "earth": .sand, "mud": .wet, "puddle": .wet, "floor": .wood, "parquet": .wood,
        "ice": .snow, "steel": .metal, "forest": .leaves,
    ]

    /// Parses a name or alias; unknown names get an error with a suggestion.
    public static func parse(_ name: String) throws -> SurfaceKind {
        let key = name.lowercased()
        if let s = SurfaceKind(rawValue: key) ?? aliases[key] { return s }
        let names = allCases.map(\.rawValue) + aliases.keys.sorted()
        throw FootfallError.usage(
            "unknown surface '\(name.singleLine())'\(DidYouMean.hint(name, from: names)); surfaces: "
                + allCases.map(\.rawValue).joined(separator: ", "))
    }
}

/// Footwear shapes the impact: hard soles click, soft ones thud.
public enum ShoeKind: String, Codable, Sendable, CaseIterable {
    case sneaker, leather, boots, heels, barefoot

    public static func parse(_ name: String) throws -> ShoeKind {
        if let s = ShoeKind(rawValue: name.lowercased()) { return s }
        throw FootfallError.usage(
            "unknown shoe '\(name.singleLine())'\(DidYouMean.hint(name, from: allCases.map(\.rawValue))); shoes: "
                + allCases.map(\.rawValue).joined(separator: ", "))
    }
}
