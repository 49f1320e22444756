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
        let frameIndex = { (t: Double) in StepDetector.nearestFrame(t, frameTimes) }
        var result = cue.align(
            heelStrikes, candidates: unconfirmed, attacks: attacks, audioDuration: audioDuration,
            frameIndex: frameIndex)
        let walkers = Set(heelStrikes.map(\.walker) + unconfirmed.map(\.walker)).sorted()
        if result.alignment.offset == nil, walkers.count > 1 {
            // Only one of them may be heard (the near walker; the one behind is drowned): each walker alone,
            // with the chance shared out between the walkers tried.
            var alone = cue
            alone.options.maxChance /= Double(walkers.count)
            var steps: [StepEvent] = []
            var heard: FootstepSoundCue.Alignment?
            for walker in walkers {
                let own = alone.align(
                    heelStrikes.filter { $0.walker == walker }, candidates: unconfirmed.filter { $0.walker == walker },
                    attacks: attacks, audioDuration: audioDuration, frameIndex: frameIndex)
                steps += own.steps
                guard var a = own.alignment.offset.map({ _ in own.alignment }) else { continue }
                a.walker = walker
                if let h = heard {
                    a.snapped += h.snapped
                    a.confirmed += h.confirmed
                }
                heard = a
            }
            if let heard { result = (steps.sorted { ($0.time, $0.walker) < ($1.time, $1.walker) }, heard) }
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
                    + (a.walker.map { ", walker \($0) alone" } ?? "")
            } ?? "not used"
        StepDetector.logger.debug(
            "sound: \(a.attacks) attacks, \(a.locked) of \(a.steps) steps locked, chance \(String(format: "%.2g", a.chance)), \(used)"
        )
        return out
    }
}
