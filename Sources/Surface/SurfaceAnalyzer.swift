import FootfallCore
import Foundation
import Logging

/// Everything the surface stage found for one clip.
public struct SurfaceReport: Sendable {
    /// One per step that had at least one usable crop, in step order.
    public var guesses: [StepSurfaceGuess]
    /// Smoothed segments (detected and fallback), plus any overrides.
    public var segments: [SurfaceSegment]
    /// Fallbacks and other things the user should know, each saying what to do.
    public var warnings: [String]
    public var scene: SceneAnalyzer.Guess
    /// The crops looked at, each with its own scores (for the contact sheet).
    public var patches: [(patch: GroundPatch, scores: SurfaceScores)]
    /// The input steps with `surface` filled in.
    public var steps: [StepEvent]
}

/// Runs the surface stage over a stream of frames: crops ground patches for the given heel strikes,
/// looks at the scene, and at the end classifies, smooths and applies overrides.
public struct SurfaceAnalyzer {
    private let logger = Logger(label: "footfall.surface")
    public let classifier: any SurfaceClassifier
    public let prototypes: SurfacePrototypes
    private var sampler: GroundPatchSampler
    private var scene: SceneAnalyzer

    public init(
        steps: [StepEvent], classifier: (any SurfaceClassifier)? = nil, prototypes: SurfacePrototypes,
        samplerOptions: GroundPatchSampler.Options = .init(), sceneStride: Int = 10
    ) {
        self.prototypes = prototypes
        self.classifier = classifier ?? FeatureClassifier(prototypes: prototypes)
        self.sampler = GroundPatchSampler(steps: steps, options: samplerOptions)
        self.scene = SceneAnalyzer(settings: prototypes.scene, stride: sceneStride)
    }

    public mutating func consume(frame: RGBFrame) {
        sampler.consume(frame: frame)
        scene.consume(frame: frame)
    }

    /// Frames the patch sampler still waits for (the scene guess samples along the way regardless).
    public var needsMoreFrames: Bool { !sampler.isDone }

    /// The scene guess from the frames seen so far.
    public var sceneGuess: SceneAnalyzer.Guess { scene.guess }

    /// Classifies what was collected and builds the segments.
    /// - Parameters:
    ///   - duration: video length in seconds.
    ///   - overrides: user segments (from `--surface` or the steps JSON); they win over detection.
    ///   - defaultSurface: replaces the prototypes file's default for unclear stretches.
    ///   - scene: a scene guess made elsewhere (e.g. by a `SceneAnalyzer` fed during the pose pass), used instead
    ///     of this analyzer's own when the caller fed it only the frames the sampler wanted.
    public func finish(
        duration: Double, overrides: [SurfaceSegment] = [], defaultSurface: SurfaceKind? = nil,
        scene sceneOverride: SceneAnalyzer.Guess? = nil
    ) throws -> SurfaceReport {
        let steps = sampler.steps
        // Step order, then contact / path / clean, so the contact sheet reads step by step.
        let roles = GroundPatch.Role.allCases
        let patches = sampler.patches.sorted {
            ($0.step, roles.firstIndex(of: $0.role) ?? 0) < ($1.step, roles.firstIndex(of: $1.role) ?? 0)
        }
        let sceneGuess = sceneOverride ?? scene.guess
        let priors = prototypes.logPriors(for: sceneGuess.scene, confidence: sceneGuess.confidence)
        let scored = zip(patches, classifier.classify(patches.map(\.image))).map { patch, scores in
            var s = scores.applying(logPriors: priors)
            if patch.guessedPosition { s.confidence *= prototypes.calibration.guessedPositionFactor }
            if let features = classifier as? FeatureClassifier {
                logger.debug(
                    "step \(patch.step) \(patch.role.rawValue) frame \(patch.frame): \(s.best.rawValue) \(String(format: "%.2f", s.confidence)); \(features.explain(patch.image)); \(PatchFeatures(measuring: patch.image).summary)"
                )
            }
            return (patch: patch, scores: s)
        }
        var guesses: [StepSurfaceGuess] = []
        for (step, items) in Dictionary(grouping: scored, by: \.patch.step).sorted(by: { $0.key < $1.key }) {
            let weighted = items.map {
                (scores: $0.scores, weight: prototypes.calibration.roleWeights[$0.patch.role.rawValue] ?? 1)
            }
            let combined = SurfaceScores.combine(weighted)
            guesses.append(
                StepSurfaceGuess(step: step, walker: steps[step].walker, time: steps[step].time, scores: combined))
            logger.debug(
                "step \(step) t=\(String(format: "%.2f", steps[step].time)): \(combined.best.rawValue) conf \(String(format: "%.2f", combined.confidence)) from \(items.count) crops"
            )
        }
        let segmenter = try SurfaceSegmenter(prototypes.segmentation, defaultSurface: defaultSurface)
        var result = segmenter.segment(guesses, duration: duration)
        var warnings = result.warnings
        let missing = Set(steps.indices).subtracting(guesses.map(\.step))
        if !missing.isEmpty {
            warnings.append(
                "\(missing.count) step(s) had no frame to look at (frame index past the video?); they get \(segmenter.defaultSurface.rawValue)."
            )
        }
        if !overrides.isEmpty {
            // Stretches the user decided need no warning about detection there.
            warnings = overrides.contains { $0.walker == nil && $0.start <= 0 && $0.end >= duration } ? [] : warnings
            result.segments = SurfaceAssignment.combine(detected: result.segments, overrides: overrides)
        }
        let assigned = SurfaceAssignment.assign(steps, segments: result.segments, fallback: segmenter.defaultSurface)
        return SurfaceReport(
            guesses: guesses, segments: result.segments, warnings: warnings, scene: sceneGuess, patches: scored,
            steps: assigned)
    }
}
