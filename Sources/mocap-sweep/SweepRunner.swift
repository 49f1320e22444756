import FootfallCore
import Foundation
import MocapSimulation
import Steps

enum SweepRunner {
    /// `EventMatcher` from the Steps module, in the shape MocapSimulation's scoring takes.
    static let matcher: EventMatching = { detected, reference, tolerance in
        EventMatcher.match(detected: detected, reference: reference, tolerance: tolerance).matches.map {
            (detected: $0.detected, reference: $0.reference)
        }
    }

    /// `FOOTFALL_SWEEP_METHOD=cascade` (or zeni, vertical) sweeps another of the detector's methods, for a
    /// before/after comparison in one build.
    static let options: StepDetectorOptions = {
        var o = StepDetectorOptions()
        if let name = ProcessInfo.processInfo.environment["FOOTFALL_SWEEP_METHOD"],
            let method = GaitMethodChoice(rawValue: name)
        {
            o.method = method
        }
        return o
    }()

    static func detect(_ frames: [PoseFrame], _ info: VideoInfo) -> [StepEvent] {
        StepDetector(options: options).detect(frames: frames, info: info).heelStrikes
    }

    static func run(_ clip: MocapClip, _ condition: SimulationCondition) -> SweepResult {
        let sim = MocapSimulator.simulate(clip, condition)
        let found = detect(sim.frames, sim.info)
        return SweepResult(
            clip: clip.name, category: clip.category, condition: condition,
            score50: StepScoring.score(detected: found, truth: sim.truth, tolerance: 0.05, match: matcher),
            score100: StepScoring.score(detected: found, truth: sim.truth, tolerance: 0.1, match: matcher),
            detail: "found "
                + found.map { String(format: "%.3f%@", $0.time, $0.foot == .left ? "L" : "R") }
                .joined(separator: " ") + " | truth "
                + sim.truth.steps.map {
                    String(format: $0.scored ? "%.3f%@" : "[%.3f%@]", $0.time, $0.foot == .left ? "L" : "R")
                }.joined(separator: " "))
    }

    /// All runs, `jobs` at a time; results in plan order.
    static func run(plan: SweepPlan, clips: [MocapClip], jobs: Int, progress: @Sendable (Int) -> Void) async
        -> [SweepResult]
    {
        let runs = plan.runs
        return await withTaskGroup(of: (Int, SweepResult).self) { group in
            var next = 0
            var out = [SweepResult?](repeating: nil, count: runs.count)
            func launch() {
                guard next < runs.count else { return }
                let k = next
                let run = runs[k]
                let clip = clips[run.clip]
                group.addTask { (k, Self.run(clip, run.condition)) }
                next += 1
            }
            for _ in 0..<max(jobs, 1) { launch() }
            var done = 0
            for await (k, result) in group {
                out[k] = result
                done += 1
                progress(done)
                launch()
            }
            return out.compactMap { $0 }
        }
    }
}
