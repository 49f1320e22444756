import FootfallCore
import Foundation
import Sound

/// Adds footstep sounds into a stereo buffer so each sound's transient peak lands on its step's sample.
struct StepPlacer {
    let sampleRate: Int

    /// The sample a step's transient must land on.
    func targetSample(_ time: Double) -> Int { Int((time * Double(sampleRate)).rounded()) }

    /// Adds one planned step into `left`/`right` (same length). Returns false when the step falls outside.
    @discardableResult
    func add(_ planned: PlannedStep, sound: FootstepSound, into left: inout [Float], _ right: inout [Float]) -> Bool {
        let frames = left.count
        let clipLength = sound.audio.frameCount
        guard clipLength > 0, planned.step.time.isFinite else { return false }
        let peak = min(max(sound.transientIndex, 0), clipLength - 1)
        let start = targetSample(planned.step.time) - peak
        // A peak that would land before 0 (or a step near the end) is cut, never shifted: timing wins.
        let from = max(0, -start)
        let to = min(clipLength, frames - start)
        guard from < to else { return false }

        let pans = SpatialLaw.panGains(planned.pan)
        let gain = planned.gain.isFinite ? max(planned.gain, 0) : 0
        let gl = Float(pans.left * gain)
        let gr = Float(pans.right * gain)
        let src = sound.audio.channels
        let l = damped(src[0], planned.distanceDamping)
        let r = src.count > 1 ? damped(src[1], planned.distanceDamping) : l
        for i in from..<to {
            left[start + i] += l[i] * gl
            right[start + i] += r[i] * gr
        }
        return true
    }

    /// Distance takes the highs away: a one-pole low-pass whose cut-off falls as the walker gets farther.
    private func damped(_ x: [Float], _ damping: Double) -> [Float] {
        guard let fc = SpatialLaw.cutoff(damping: damping) else { return x }
        let a = Float(1 - exp(-2 * Double.pi * fc / Double(sampleRate)))
        var y = [Float](repeating: 0, count: x.count)
        var state: Float = 0
        for i in 0..<x.count {
            state += a * (x[i] - state)
            y[i] = state
        }
        return y
    }
}
