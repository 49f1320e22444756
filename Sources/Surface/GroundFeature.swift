/// The measurements `FeatureClassifier` takes from a ground patch. Each is documented (with why it helps) in
/// `Resources/surface_prototypes.json`; the raw values are in the units named here.
public enum GroundFeature: String, CaseIterable, Sendable, Codable {
    /// Mean L* (0 black … 100 white): snow is bright, wet and asphalt are dark.
    case lightness
    /// Standard deviation of L*: contrast inside the patch (joints, stones, shadows between blades).
    case lightnessStd = "lightness_std"
    /// Mean a* (negative green … positive red).
    case greenRed = "green_red"
    /// Mean b* (negative blue … positive yellow): sand, wood and leaves are yellow-brown.
    case blueYellow = "blue_yellow"
    /// Mean chroma √(a²+b²): how coloured rather than grey.
    case chroma
    /// Spread of a* and b* over the patch: many-coloured stones and leaf litter vary, paint and snow don't.
    case colorVariety = "color_variety"
    /// Share of pixels that are clearly green-yellow (vegetation).
    case greenShare = "green_share"
    /// Mean |Laplacian| of L* at full patch resolution: fine grain (gravel, grass blades, sand grain).
    case fineTexture = "fine_texture"
    /// Mean |Laplacian| of L* after 4×4 averaging: structure at the size of stones, tiles, planks.
    case coarseTexture = "coarse_texture"
    /// Share of edge energy within ±22° of the strongest edge direction (0.25 = no preferred direction).
    case edgeDominance = "edge_dominance"
    /// Share of edge energy within ±22° of the direction perpendicular to the strongest (grids have both).
    case edgeOrthogonal = "edge_orthogonal"
    /// Share of small, much-brighter-than-surroundings grey pixels: specular glints on wet or metal.
    case specular
}
