import FootfallCore
import Sound

@testable import Mix

extension Mixer {
    /// The same render with the mix read back into memory, for assertions on samples.
    func mixed(plan: FootstepPlan, sounds: [FootstepSound]) throws -> (
        mix: AudioBuffer, stems: StemSet, report: MixReport
    ) {
        let out = try render(plan: plan, sounds: sounds)
        return (try out.mix.loadAll(), out.stems, out.report)
    }
}
