import FootfallCore
import Foundation

/// The default classifier: hand-made features compared with per-surface prototypes (a diagonal Gaussian
/// per feature, naive-Bayes style), every number from `surface_prototypes.json`. Transparent by design:
/// `explain` says which features pushed a patch towards its label.
public struct FeatureClassifier: SurfaceClassifier {
    public let name = "features"
    public let prototypes: SurfacePrototypes
    private let kinds: [SurfaceKind]

    public init(prototypes: SurfacePrototypes) {
        self.prototypes = prototypes
        self.kinds = SurfaceKind.allCases.filter { prototypes.surfaces[$0.rawValue] != nil }
    }

    public init() throws {
        self.init(prototypes: try SurfacePrototypes.bundled())
    }

    public func classify(_ patches: [PatchImage]) -> [SurfaceScores] {
        patches.map { classify($0) }
    }

    public func classify(_ patch: PatchImage) -> SurfaceScores {
        let cal = prototypes.calibration
        guard min(patch.width, patch.height) >= cal.minPatchSide else { return .unknown }
        let features = PatchFeatures(measuring: patch)
        var result = classify(features: features)
        // A dark patch shows little of the ground: its colour and texture are mostly noise and shadow.
        let visibility = min(1, max(0, (features[.lightness] - cal.darkLightness) / cal.darkRamp))
        // A small crop is upsampled for analysis: its fine texture is invented, so trust it less.
        let detail = min(1, (Double(patch.width * patch.height)).squareRoot() / cal.fullDetailSide)
        result.confidence *= visibility * detail
        return result
    }

    /// Scores from already-measured features.
    public func classify(features: PatchFeatures) -> SurfaceScores {
        guard !kinds.isEmpty else { return .unknown }
        let cal = prototypes.calibration
        var logLik: [SurfaceKind: Double] = [:]
        var fitZ2: [SurfaceKind: Double] = [:]
        for kind in kinds {
            let (ll, z2) = logLikelihood(features, kind)
            logLik[kind] = ll
            fitZ2[kind] = z2
        }
        let top = logLik.values.max() ?? 0
        var scores: [SurfaceKind: Double] = [:]
        for (k, ll) in logLik { scores[k] = exp((ll - top) / cal.temperature) }
        let sum = scores.values.reduce(0, +)
        for k in scores.keys { scores[k]! /= sum }
        let ranked = scores.values.sorted(by: >)
        let best = SurfaceScores(scores: scores, confidence: 0).best
        // Confidence: the winner's lead over the runner-up, discounted when even the winner fits poorly.
        let margin = ranked[0] - (ranked.count > 1 ? ranked[1] : 0)
        let z2 = fitZ2[best] ?? 0
        let fit = exp(-max(0, z2 - cal.fitFreeZ2) / cal.fitScale)
        let confidence = min(1, max(0, (0.5 * ranked[0] + 0.5 * margin) * fit))
        for k in SurfaceKind.allCases where scores[k] == nil { scores[k] = 0 }
        return SurfaceScores(scores: scores, confidence: confidence)
    }

    /// Largest squared z-score a single feature contributes.
    static let maxZ2 = 25.0

    /// Weighted Gaussian log-likelihood of the features under one prototype, and the weighted mean z².
    func logLikelihood(_ f: PatchFeatures, _ kind: SurfaceKind) -> (Double, Double) {
        guard let proto = prototypes.surfaces[kind.rawValue] else { return (-.infinity, .infinity) }
        var ll = proto.logPrior
        var z2sum = 0.0
        var wsum = 0.0
        for feature in GroundFeature.allCases {
            guard let info = prototypes.features[feature.rawValue], info.weight > 0 else { continue }
            let ms = proto.features[feature.rawValue] ?? info.fallback
            guard ms.count == 2, ms[1] > 0 else { continue }
            // Capped: one feature far off (a shoe in the crop, an odd light) can't veto a surface alone.
            let z2 = pow((f[feature] - ms[0]) / ms[1], 2)
            ll += info.weight * (-0.5 * min(Self.maxZ2, z2) - log(ms[1]))
            // The fit keeps the full distance: a patch unlike everything should look unlike everything.
            z2sum += info.weight * z2
            wsum += info.weight
        }
        return (ll, wsum > 0 ? z2sum / wsum : 0)
    }

    /// The features that most favour `kind` over the runner-up, for logs and the contact sheet.
    public func explain(_ patch: PatchImage) -> String {
        let f = PatchFeatures(measuring: patch)
        let s = classify(features: f)
        let ranked = s.scores.sorted { $0.value > $1.value }.map(\.key)
        guard ranked.count > 1, let a = prototypes.surfaces[ranked[0].rawValue],
            let b = prototypes.surfaces[ranked[1].rawValue]
        else { return "" }
        var parts: [(String, Double)] = []
        for feature in GroundFeature.allCases {
            guard let info = prototypes.features[feature.rawValue] else { continue }
            let ma = a.features[feature.rawValue] ?? info.fallback
            let mb = b.features[feature.rawValue] ?? info.fallback
            let za = (f[feature] - ma[0]) / ma[1]
            let zb = (f[feature] - mb[0]) / mb[1]
            let gain = info.weight * (0.5 * (min(Self.maxZ2, zb * zb) - min(Self.maxZ2, za * za)) - log(ma[1] / mb[1]))
            parts.append((feature.rawValue + String(format: "=%.2f", f[feature]), gain))
        }
        let top = parts.sorted { $0.1 > $1.1 }.prefix(3).map { "\($0.0) (\(String(format: "%+.1f", $0.1)))" }
        return "\(ranked[0].rawValue) over \(ranked[1].rawValue): " + top.joined(separator: ", ")
    }
}
