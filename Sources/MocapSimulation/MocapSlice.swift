import FootfallCore
import Foundation

/// The view sweep's small slice that `make test` runs from the committed fixtures (and `mocap-sweep --slice`
/// runs the same way): three normal walks at 30 fps, ~200 px, with the noise matched to BlazePose's measured
/// jitter (`PoseNoiseOptions.measured`), from every view class, plus a non-walking clip that must give no steps.
/// The F1 floor guards what the detector reaches (at fe85c92: frontal 0.91, back 0.89, side 0.95, oblique 0.93);
/// the target is 0.9 in every view class, which the back views and the full sweep (bench/RESULTS.md) do not
/// reach yet.
public enum MocapSlice {
    public static let minimumF1 = 0.85
    public static let tolerance = 0.05
    public static let maximumNegativeSteps = 0
    public static let seeds: [UInt64] = [1, 2]
    public static let negativeAzimuths: [Double] = [0, 90, 180, 270]

    /// The azimuths tested per view class.
    public static func azimuths(_ view: ViewClass) -> [Double] {
        switch view {
        case .side: [90, 270]
        case .frontal: [0, 30, 330]
        case .back: [150, 180, 210]
        case .oblique: [45, 135, 225, 315]
        }
    }

    public static func condition(clip: String, azimuth: Double, seed: UInt64) -> SimulationCondition {
        var c = SimulationCondition(azimuth: azimuth, elevation: 10, walkerHeight: 200, frameRate: 30)
        c.noise = .measured
        c.seed = StableSeed.of("slice", clip, "\(Int(azimuth))", "\(seed)")
        return c
    }

    public struct Report: Sendable {
        /// F1 and errors at ±50 ms per view class, over the walking fixtures.
        public var views: [ViewClass: StepScore] = [:]
        /// Steps found on the negative, over all its runs.
        public var negativeSteps = 0
        public var negativeRuns = 0
        /// One line per run, for a failure message.
        public var lines: [String] = []
    }

    /// Runs the slice on the fixtures' clips (walks are the non-negative clips).
    public static func run(
        clips: [MocapClip], detect: @Sendable ([PoseFrame], VideoInfo) -> [StepEvent], match: EventMatching
    ) -> Report {
        var report = Report()
        for clip in clips {
            if clip.category == .negative {
                for az in negativeAzimuths {
                    for seed in seeds {
                        let sim = MocapSimulator.simulate(clip, condition(clip: clip.name, azimuth: az, seed: seed))
                        let found = detect(sim.frames, sim.info)
                        report.negativeSteps += found.count
                        report.negativeRuns += 1
                        report.lines.append(
                            "\(clip.name) az \(Int(az)) seed \(seed): \(found.count) steps "
                                + found.map { String(format: "%.2f", $0.time) }.joined(separator: " "))
                    }
                }
                continue
            }
            for view in ViewClass.allCases {
                for az in azimuths(view) {
                    for seed in seeds {
                        let sim = MocapSimulator.simulate(clip, condition(clip: clip.name, azimuth: az, seed: seed))
                        let s = StepScoring.score(
                            detected: detect(sim.frames, sim.info), truth: sim.truth, tolerance: tolerance,
                            match: match)
                        report.views[view, default: StepScore()] = report.views[view, default: StepScore()] + s
                        report.lines.append(
                            "\(clip.name) \(view.rawValue) az \(Int(az)) seed \(seed): hits \(s.hits) misses \(s.misses) false \(s.falseAlarms)"
                        )
                    }
                }
            }
        }
        return report
    }
}
