import MocapSimulation

/// One simulated clip through the detector on disk, scored at ±50 and ±100 ms.
struct SweepResult: Sendable {
    var clip: String
    var category: ClipCategory
    var condition: SimulationCondition
    var score50: StepScore
    var score100: StepScore
    /// "t foot" of each detection and each truth step (partial ones in brackets), for `--detail`.
    var detail: String
}
