import FootfallCore
import Foundation

extension StepDetection {
    /// The heel strikes aligned on the attacks of the video's own sound (`FootstepSoundCue`); `sound` records
    /// what the sound did.
    /// `lateBias` is added to the steps moved onto their sound, as the detector adds it to the others.
    public func aligned(
        onAttacks attacks: [Double], audioDuration: Double? = nil, frames: [PoseFrame], lateBias: Double = 0,
        cue: FootstepSoundCue = .init()
    ) -> StepDetection {
        let frameTimes = frames.map { ($0.time, $0.frame) }.sorted { $0.0 < $1.0 }
        let result = cue.align(
            heelStrikes, candidates: unconfirmed, attacks: attacks, audioDuration: audioDuration
        ) {
            StepDetector.nearestFrame($0, frameTimes)
        }
        var out = self
        out.heelStrikes = result.steps.map { step in
            guard lateBias > 0, step.cues?.contains("sound") == true else { return step }
            var late = step
            late.time += lateBias
            return late
        }
        out.sound = result.alignment
        let a = result.alignment
        let used =
            a.offset.map {
                "offset \(String(format: "%+.3f", $0)) s, \(a.snapped) steps on their sound (\(a.confirmed) confirmed)"
            } ?? "not used"
        StepDetector.logger.debug(
            "sound: \(a.attacks) attacks, \(a.locked) of \(a.steps) steps locked, chance \(String(format: "%.2g", a.chance)), \(used)"
        )
        return out
    }
}
