import FootfallCore
import Foundation

/// The contents of `Resources/surface_prototypes.json`: every number `FeatureClassifier`, the scene guess
/// and the segmenter use, in one documented, editable place.
public struct SurfacePrototypes: Codable, Sendable {
    /// A feature's weight in the likelihood and the spread assumed for surfaces that don't describe it.
    public struct FeatureInfo: Codable, Sendable {
        public var weight: Double
        public var fallback: [Double]
        public var about: String
    }

    public struct Prototype: Codable, Sendable {
        public var about: String
        /// Log prior added to the score (0 = neutral; negative for surfaces that are rare in footage).
        public var logPrior: Double
        /// Feature name → [mean, standard deviation].
        public var features: [String: [Double]]

        enum CodingKeys: String, CodingKey {
            case about, features
            case logPrior = "log_prior"
        }
    }

    public struct Calibration: Codable, Sendable {
        /// Divides summed log-likelihoods before the softmax; >1 tempers naive-Bayes overconfidence.
        public var temperature: Double
        /// Mean squared z-score of the winning prototype up to which the fit is "normal".
        public var fitFreeZ2: Double
        /// How fast confidence falls beyond that (larger = gentler).
        public var fitScale: Double
        /// Mean L* at which a patch counts as too dark to judge, and the ramp above it to full trust.
        public var darkLightness: Double
        public var darkRamp: Double
        /// Crops smaller than this (pixels on the short side) count as too small to judge.
        public var minPatchSide: Int
        /// Crops with fewer pixels than this side squared lose confidence in proportion (little detail to judge).
        public var fullDetailSide: Double
        /// How much each crop kind counts when a step's crops are combined (see `GroundPatch.Role`).
        public var roleWeights: [String: Double]
        /// Confidence factor for crops taken where the foot was guessed (the step had no position).
        public var guessedPositionFactor: Double
        public var about: String

        enum CodingKeys: String, CodingKey {
            case temperature, about
            case fitFreeZ2 = "fit_free_z2"
            case fitScale = "fit_scale"
            case darkLightness = "dark_lightness"
            case darkRamp = "dark_ramp"
            case minPatchSide = "min_patch_side"
            case fullDetailSide = "full_detail_side"
            case roleWeights = "role_weights"
            case guessedPositionFactor = "guessed_position_factor"
        }
    }

    public struct Segmentation: Codable, Sendable {
        /// Cost (in log-probability units) of changing surface between two steps of one walker.
        public var switchPenalty: Double
        /// Segments whose mean confidence is below this fall back to the default surface.
        public var minConfidence: Double
        public var defaultSurface: String
        public var about: String

        enum CodingKeys: String, CodingKey {
            case about
            case switchPenalty = "switch_penalty"
            case minConfidence = "min_confidence"
            case defaultSurface = "default_surface"
        }
    }

    public struct Scene: Codable, Sendable {
        /// Feature name → weight in the outdoor-vs-indoor logistic score (positive favours outdoor).
        public var weights: [String: Double]
        public var bias: Double
        /// |probability − 0.5| below which the scene is reported as unknown.
        public var unknownMargin: Double
        public var about: String

        enum CodingKeys: String, CodingKey {
            case weights, bias, about
            case unknownMargin = "unknown_margin"
        }
    }

    public var version: Int
    public var about: String
    public var features: [String: FeatureInfo]
    public var surfaces: [String: Prototype]
    public var calibration: Calibration
    public var segmentation: Segmentation
    public var scene: Scene
    /// Scene → surface → log prior added once the scene is known (scaled by the scene guess's confidence):
    /// grass and snow are rare indoors, parquet is rarer outdoors.
    public var sceneLogPriors: [String: [String: Double]]?

    enum CodingKeys: String, CodingKey {
        case version, about, features, surfaces, calibration, segmentation, scene
        case sceneLogPriors = "scene_log_priors"
    }

    /// The prototypes shipped with Footfall.
    public static func bundled() throws -> SurfacePrototypes {
        guard let url = Bundle.module.url(forResource: "surface_prototypes", withExtension: "json") else {
            throw FootfallError.failure(
                "surface_prototypes.json is missing from the Surface bundle; reinstall footfall")
        }
        return try load(Data(contentsOf: url), source: url.path)
    }

    /// Parses and checks a prototypes file (names must be real features and surfaces).
    public static func load(_ data: Data, source: String) throws -> SurfacePrototypes {
        let p: SurfacePrototypes
        do {
            p = try JSONDecoder().decode(SurfacePrototypes.self, from: data)
        } catch let error as DecodingError {
            throw FootfallError.badInput("\(source) is not a valid surface prototypes file: \(error.readable)")
        }
        for name in p.features.keys where GroundFeature(rawValue: name) == nil {
            throw FootfallError.badInput("\(source): unknown feature '\(name)'")
        }
        for (surface, proto) in p.surfaces {
            guard SurfaceKind(rawValue: surface) != nil else {
                throw FootfallError.badInput("\(source): unknown surface '\(surface)'")
            }
            for (name, ms) in proto.features where GroundFeature(rawValue: name) == nil || ms.count != 2 || ms[1] <= 0 {
                throw FootfallError.badInput(
                    "\(source): surface '\(surface)' feature '\(name)' needs a known name and [mean, sd>0]")
            }
        }
        for (scene, priors) in p.sceneLogPriors ?? [:] {
            guard SceneKind(rawValue: scene) != nil else {
                throw FootfallError.badInput("\(source): scene_log_priors has unknown scene '\(scene)'")
            }
            for name in priors.keys where SurfaceKind(rawValue: name) == nil {
                throw FootfallError.badInput("\(source): scene_log_priors.\(scene) has unknown surface '\(name)'")
            }
        }
        return p
    }

    /// Log priors for a scene guess, scaled by how sure the guess is.
    public func logPriors(for scene: SceneKind, confidence: Double) -> [SurfaceKind: Double] {
        var out: [SurfaceKind: Double] = [:]
        for (name, v) in sceneLogPriors?[scene.rawValue] ?? [:] {
            if let kind = SurfaceKind(rawValue: name) { out[kind] = v * min(1, max(0, confidence)) }
        }
        return out
    }
}
