import FootfallCore
import Foundation
import Sound
import Testing

@testable import Mix

/// The mixer with the real default backend's sounds: timing, loudness and peaks on a two-walker scene.
private func proceduralScene(surface: SurfaceKind) throws -> (FootstepPlan, [FootstepSound]) {
    let times = TestSounds.irregularTimes(count: 16, start: 0.3, minGap: 0.25, maxGap: 0.4, seed: 4)
    let steps = times.enumerated().map { i, t in
        StepEvent(
            time: t, frame: Int(t * 25), walker: i % 2, foot: (i / 2) % 2 == 0 ? .left : .right, confidence: 1,
            position: Point2D(x: i % 2 == 0 ? 200 : 900, y: 500), walkerHeight: i % 2 == 0 ? 420 : 180)
    }
    let plan = PlanBuilder().build(
        steps: steps, frameWidth: 1280, duration: times.last! + 0.6, seed: 99, scene: .outdoor)
    let backend = ProceduralBackend()
    let sounds = try plan.steps.map { p in
        try backend.sound(
            for: SoundRequest(surface: surface, foot: p.step.foot, intensity: 0.5, stepInterval: 0.5, seed: p.seed))
    }
    return (plan, sounds)
}

@Test(arguments: [SurfaceKind.concrete, .gravel, .wood])
func proceduralStepsNormalizeAndKeepTheirTiming(surface: SurfaceKind) throws {
    let (plan, sounds) = try proceduralScene(surface: surface)
    let out = try Mixer().mixed(plan: plan, sounds: sounds)
    let measured = TestSounds.ebur128(out.mix)
    #expect(abs(measured.lufs - -23) <= 0.5, "\(surface): \(measured.lufs) LUFS")
    #expect(measured.truePeak <= -1, "\(surface): \(measured.truePeak) dBTP")
    // Each sound's own transient lands on its step: placed alone, its transient sample is at the step's sample.
    let mixer = Mixer(settings: .init(dry: true, normalize: false))
    for (planned, sound) in zip(plan.steps, sounds).prefix(4) {
        let single = FootstepPlan(steps: [planned], duration: plan.duration, scene: .outdoor)
        let dry = try mixer.place(plan: single, sounds: [sound]).dry
        let target = Int((planned.step.time * 48_000).rounded())
        let gains = SpatialLaw.panGains(planned.pan)
        let expected = Float(Double(sound.audio.channels[0][sound.transientIndex]) * gains.left * planned.gain)
        if planned.distanceDamping == 0 {
            #expect(abs(dry.channels[0][target] - expected) < 1e-6)
        } else {
            // The distance low-pass smooths the peak but keeps it within a millisecond.
            let window = (target - 48)...(target + 48)
            let loudest = window.max { abs(dry.channels[0][$0]) < abs(dry.channels[0][$1]) }!
            #expect(abs(loudest - target) <= 48)
        }
    }
}
