import FootfallCore
import Foundation

extension StepEdits {
    /// The edits a job starts from: the detected steps as they are, no choices yet.
    static func unedited(_ base: StepsDocument) -> StepEdits {
        StepEdits(steps: base.steps.filter { $0.kind == .heelStrike })
    }

    /// The steps to render: each step's surface decided here, so the render needs no pass over the video.
    /// The narrowest choice wins: a stretch for this walker, a stretch for all walkers, the walker's surface, the
    /// whole-clip surface of the render form, what detection found where the step is, the surface of the walker's
    /// nearest detected step.
    func placed(on base: StepsDocument, wholeClip: String?, defaultSurface: String) -> StepsDocument {
        let detected = (base.surfaces ?? []).filter { $0.source != .override }
        let nearest = NearestSurface(base.steps)
        let steps = self.steps.map { step -> StepEvent in
            var s = step
            let stretch =
                surfaces.last { $0.walker == step.walker && $0.covers(time: step.time, walker: step.walker) }
                ?? surfaces.last { $0.walker == nil && $0.covers(time: step.time, walker: step.walker) }
            let found =
                detected.first { $0.walker == step.walker && $0.contains(time: step.time, walker: step.walker) }
                ?? detected.first { $0.walker == nil && $0.contains(time: step.time, walker: step.walker) }
            s.surface =
                stretch?.surface ?? choice(for: step.walker)?.surface ?? wholeClip ?? found?.surface
                ?? nearest.surface(walker: step.walker, time: step.time) ?? defaultSurface
            s.kind = .heelStrike
            return s
        }.sorted { ($0.time, $0.walker) < ($1.time, $1.walker) }
        var document = base
        document.steps = steps
        document.surfaces = surfaces.map(\.segment) + detected
        return document
    }

    /// Shoe per walker, for the walkers that have one chosen.
    var shoes: [Int: String] {
        Dictionary(walkers.compactMap { w in w.shoe.map { (w.walker, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Steps added by hand know only their time: they borrow position and size from the walker's nearest step, so
    /// they sit in the same place in the stereo field and at the same distance.
    func fillingPositions(frameRate: Double) -> StepEdits {
        var edits = self
        edits.steps = steps.map { step in
            var s = step
            if frameRate > 0 { s.frame = Int((step.time * frameRate).rounded()) }
            guard step.position == nil || step.walkerHeight == nil else { return s }
            let nearest = steps.filter { $0.walker == step.walker && $0.position != nil }
                .min { abs($0.time - step.time) < abs($1.time - step.time) }
            if let nearest {
                s.position = s.position ?? nearest.position
                s.walkerHeight = s.walkerHeight ?? nearest.walkerHeight
                s.gainDB = s.gainDB ?? nearest.gainDB
                s.pan = s.pan ?? nearest.pan
            }
            return s
        }
        return edits
    }
}
