import FootfallCore
import Sound

/// The per-walker, per-foot stems of a mix, rendered one at a time on demand so a long video with many walkers
/// never holds every stem in memory. Stems are dry, aligned with the mix and share one gain.
public struct StemSet: Sendable {
    public let keys: [StemKey]
    /// Linear gain applied to every stem (the mix's loudness gain, lowered if a stem would clip).
    public let gain: Float
    let plan: FootstepPlan
    let sounds: [FootstepSound]
    let frames: Int
    let sampleRate: Int

    init(plan: FootstepPlan, sounds: [FootstepSound], frames: Int, sampleRate: Int, gain: Float) {
        self.plan = plan
        self.sounds = sounds
        self.frames = frames
        self.sampleRate = sampleRate
        self.gain = gain
        keys = Set(plan.steps.map { StemKey(walker: $0.step.walker, foot: $0.step.foot) }).sorted()
    }

    /// The same stems with another gain.
    public func withGain(_ gain: Float) -> StemSet {
        StemSet(plan: plan, sounds: sounds, frames: frames, sampleRate: sampleRate, gain: gain)
    }

    /// Stereo stem of one walker's foot, as long as the mix.
    public func render(_ key: StemKey) -> AudioBuffer {
        var left = [Float](repeating: 0, count: frames)
        var right = left
        let placer = StepPlacer(sampleRate: sampleRate)
        for (planned, sound) in zip(plan.steps, sounds)
        where planned.step.walker == key.walker && planned.step.foot == key.foot {
            placer.add(planned, sound: Mixer.sanitized(sound), into: &left, &right)
        }
        if gain != 1 {
            for i in 0..<frames {
                left[i] *= gain
                right[i] *= gain
            }
        }
        return AudioBuffer(sampleRate: sampleRate, channels: [left, right])
    }
}
