import FootfallCore
import Foundation

/// What a classifier thinks one ground patch (or one step's patches together) is.
public struct SurfaceScores: Sendable, Equatable {
    /// Probability-like scores per surface; they sum to 1.
    public var scores: [SurfaceKind: Double]
    /// 0…1: how much to trust `best`. Low when the top two are close, when the patch fits no
    /// prototype well, or when the patch is too dark or too small to see.
    public var confidence: Double

    public init(scores: [SurfaceKind: Double], confidence: Double) {
        self.scores = scores
        self.confidence = confidence
    }

    public var best: SurfaceKind {
        scores.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key
            ?? .concrete
    }

    /// Uniform scores with zero confidence: "could not see".
    public static var unknown: SurfaceScores {
        let p = 1 / Double(SurfaceKind.allCases.count)
        return SurfaceScores(
            scores: Dictionary(uniqueKeysWithValues: SurfaceKind.allCases.map { ($0, p) }), confidence: 0)
    }

    /// The same opinion after adding log priors (e.g. from the scene). Confidence scales with the change in
    /// the top score, so a prior that overturns a weak guess leaves a weak result.
    public func applying(logPriors: [SurfaceKind: Double]) -> SurfaceScores {
        guard !logPriors.isEmpty else { return self }
        var out: [SurfaceKind: Double] = [:]
        for (k, p) in scores { out[k] = p * exp(logPriors[k] ?? 0) }
        let sum = out.values.reduce(0, +)
        guard sum > 0 else { return self }
        for k in out.keys { out[k]! /= sum }
        let before = scores.values.max() ?? 0
        let after = out.values.max() ?? 0
        let scaled = before > 0 ? confidence * after / before : confidence
        return SurfaceScores(scores: out, confidence: min(1, max(0, scaled)))
    }

    /// Confidence-weighted average of several opinions (the patches of one step).
    public static func combine(_ items: [(scores: SurfaceScores, weight: Double)]) -> SurfaceScores {
        let total = items.reduce(0) { $0 + $1.weight * max($1.scores.confidence, 1e-3) }
        guard total > 0 else { return .unknown }
        var combined: [SurfaceKind: Double] = [:]
        var confidence = 0.0
        for (s, w) in items {
            let k = w * max(s.confidence, 1e-3) / total
            for (kind, p) in s.scores { combined[kind, default: 0] += k * p }
            confidence += k * s.confidence
        }
        return SurfaceScores(scores: combined, confidence: confidence)
    }
}

/// Turns ground patches into surface scores. `FeatureClassifier` is the transparent default; a learned
/// model (e.g. a CLIP-style image encoder run through LiteRT, with text prompts per surface) fits here as
/// one more conforming type.
public protocol SurfaceClassifier: Sendable {
    /// Short name for logs and reports.
    var name: String { get }
    /// One result per patch, in order.
    func classify(_ patches: [PatchImage]) -> [SurfaceScores]
}
