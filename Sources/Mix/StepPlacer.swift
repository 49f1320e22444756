import FootfallCore
import Foundation
import Sound

/// Adds footstep sounds into stereo blocks so each sound's transient peak lands on its step's sample.
struct StepPlacer {
    let sampleRate: Int

    /// The sample a step's transient must land on.
    func targetSample(_ time: Double) -> Int { Int((time * Double(sampleRate)).rounded()) }

    /// First sample of the step's sound on a track of `trackFrames`, or nil when none of it falls on the track.
    func start(of planned: PlannedStep, frames clipLength: Int, transientIndex: Int, trackFrames: Int) -> Int? {
        guard clipLength > 0, planned.step.time.isFinite else { return nil }
        let peak = min(max(transientIndex, 0), clipLength - 1)
        let start = targetSample(planned.step.time) - peak
        // A peak that would land before 0 (or a step near the end) is cut, never shifted: timing wins.
        guard max(0, -start) < min(clipLength, trackFrames - start) else { return nil }
        return start
    }

    /// Adds the part of one step's sound (starting at track sample `start`) that falls in `block`, a range of the
    /// track; `left`/`right` hold the block's samples.
    func add(
        _ planned: PlannedStep, sound: FootstepSound, start: Int, trackFrames: Int, block: Range<Int>,
        into left: inout [Float], _ right: inout [Float]
    ) {
        let clipLength = sound.audio.frameCount
        let from = max(0, -start, block.lowerBound - start)
        let to = min(clipLength, trackFrames - start, block.upperBound - start)
        guard from < to else { return }

        let pans = SpatialLaw.panGains(planned.pan)
        let gain = planned.gain.isFinite ? max(planned.gain, 0) : 0
        let gl = Float(pans.left * gain)
        let gr = Float(pans.right * gain)
        let src = sound.audio.channels
        let l = damped(src[0], planned.distanceDamping)
        let r = src.count > 1 ? damped(src[1], planned.distanceDamping) : l
        let shift = start - block.lowerBound
        for i in from..<to {
            left[shift + i] += l[i] * gl
            right[shift + i] += r[i] * gr
        }
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
