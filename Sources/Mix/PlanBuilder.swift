import FootfallCore
import Logging

/// Turns detected steps into a mix plan: where each step sits in the stereo field, how far away it sounds, which
/// surface it is on and which seed its sound uses. The decisions are also written into the plan's `StepEvent`s
/// (`gain_db`, `pan`, `surface`) so the steps JSON records them.
public struct PlanBuilder: Sendable {
    public var options: PlanOptions
    private let logger = Logger(label: "footfall.mix")

    public init(options: PlanOptions = .init()) { self.options = options }

    public func build(
        steps: [StepEvent], video: VideoInfo, surfaces: [SurfaceSegment] = [], seed: UInt64, scene: SceneKind
    ) -> FootstepPlan {
        build(
            steps: steps, frameWidth: Double(video.width), duration: video.duration, surfaces: surfaces, seed: seed,
            scene: scene)
    }

    /// - Parameters:
    ///   - frameWidth: width of the upright picture in pixels (positions are in these pixels).
    ///   - duration: length of the sound track in seconds.
    public func build(
        steps: [StepEvent], frameWidth: Double, duration: Double, surfaces: [SurfaceSegment] = [], seed: UInt64,
        scene: SceneKind
    ) -> FootstepPlan {
        let strikes = steps.filter { $0.kind == .heelStrike && $0.time.isFinite }
        if strikes.count < steps.count {
            logger.debug("plan ignores \(steps.count - strikes.count) toe-off or invalid events")
        }
        // Sorted so the per-step seeds (by index) do not depend on the order a detector emitted steps in.
        let ordered = strikes.enumerated().sorted { a, b in
            (a.element.time, a.element.walker, a.offset) < (b.element.time, b.element.walker, b.offset)
        }.map(\.element)
        let heights = WalkerHeights(steps: ordered)

        var planned: [PlannedStep] = []
        planned.reserveCapacity(ordered.count)
        for (index, original) in ordered.enumerated() {
            var step = original
            let pan = recordedPan(step) ?? panFromPosition(step, frameWidth: frameWidth)
            let gain: Double
            let distance: Double
            if let recorded = recordedGain(step) {
                gain = recorded
                distance = SpatialLaw.distance(forGain: recorded, options: options)
            } else {
                distance = heights.distance(for: step, reference: options.referenceDistance)
                gain = SpatialLaw.distanceGain(distance: distance, options: options)
            }
            let surface = surfaceName(for: step, segments: surfaces)
            step.pan = pan
            step.gainDB = recordedGain(step) != nil ? step.gainDB : SpatialLaw.decibels(gain)
            step.surface = surface
            var random = SeededRandom(seed: seed, stream: UInt64(index))
            planned.append(
                PlannedStep(
                    step: step, gain: gain, pan: pan,
                    distanceDamping: SpatialLaw.damping(distance: distance, options: options), surface: surface,
                    seed: random.next()))
        }
        return FootstepPlan(steps: planned, duration: max(duration.isFinite ? duration : 0, 0), scene: scene)
    }

    private func recordedPan(_ step: StepEvent) -> Double? {
        guard options.keepRecordedMix, let p = step.pan, p.isFinite else { return nil }
        return min(max(p, -1), 1)
    }

    private func recordedGain(_ step: StepEvent) -> Double? {
        guard options.keepRecordedMix, let db = step.gainDB, db.isFinite else { return nil }
        // A hand-edited boost is honoured up to +12 dB (loudness normalization sets the overall level anyway).
        return SpatialLaw.linear(min(db, 12))
    }

    /// Foot x across the frame → −1…+1, narrowed by the stereo width. Unknown positions sit in the centre.
    private func panFromPosition(_ step: StepEvent, frameWidth: Double) -> Double {
        guard let x = step.position?.x, x.isFinite, frameWidth > 0 else { return 0 }
        let p = min(max(2 * x / frameWidth - 1, -1), 1)
        return p * options.stereoWidth
    }

    /// The step's own surface, else an override segment, else a walker's segment, else a whole-scene one.
    private func surfaceName(for step: StepEvent, segments: [SurfaceSegment]) -> String {
        if let s = step.surface, !s.isEmpty { return s }
        let matching = segments.filter { $0.contains(time: step.time, walker: step.walker) }
        let best =
            matching.first { $0.source == .override } ?? matching.first { $0.walker == step.walker }
            ?? matching.first
        return best?.surface ?? options.defaultSurface
    }
}

/// Apparent walker heights, as a distance cue: the walker with the largest median height is at the reference
/// distance and a walker half as tall is twice as far (pinhole camera: height ∝ 1 / distance).
struct WalkerHeights {
    private let tallest: Double?
    private let medianByWalker: [Int: Double]

    init(steps: [StepEvent]) {
        var byWalker: [Int: [Double]] = [:]
        for s in steps {
            if let h = s.walkerHeight, h.isFinite, h > 0 { byWalker[s.walker, default: []].append(h) }
        }
        let medians = byWalker.mapValues { hs in
            let sorted = hs.sorted()
            return sorted[sorted.count / 2]
        }
        medianByWalker = medians
        // The nearest walker's typical height, not one step's: a single oversized box must not push everyone away.
        tallest = medians.values.max()
    }

    func distance(for step: StepEvent, reference: Double) -> Double {
        guard let tallest else { return reference }
        let own = step.walkerHeight.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        guard let h = own ?? medianByWalker[step.walker] else { return reference }
        return reference * tallest / h
    }
}
