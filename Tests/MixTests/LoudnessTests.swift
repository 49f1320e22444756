import FootfallCore
import Foundation
import Sound
import Testing

@testable import Mix

/// A walking track: two walkers, a step every ~0.5 s each, at different distances and pans.
private func walkingPlan(scene: SceneKind = .outdoor) -> (FootstepPlan, [FootstepSound]) {
    let times = TestSounds.irregularTimes(count: 36, start: 0.2, minGap: 0.2, maxGap: 0.35, seed: 21)
    let plan = TestSounds.plan(
        times: times, walkers: 2, duration: times.last! + 0.6, scene: scene, pan: { $0 % 2 == 0 ? -0.6 : 0.4 },
        gain: { $0 % 2 == 0 ? 1 : 0.4 })
    return (plan, times.indices.map { TestSounds.step(seed: UInt64($0)) })
}

@Test(arguments: [LoudnessTarget.ebuR128, .web, .custom(lufs: -20)])
func normalizationHitsTargetUnderTruePeakCeiling(target: LoudnessTarget) throws {
    let (plan, sounds) = walkingPlan()
    let out = try Mixer(settings: .init(loudness: target)).render(plan: plan, sounds: sounds)
    let measured = TestSounds.ebur128(out.mix)
    #expect(abs(measured.lufs - target.lufs) <= 0.5, "integrated \(measured.lufs) LUFS for \(target)")
    #expect(measured.truePeak <= -1.0, "true peak \(measured.truePeak) dBTP")
    #expect(abs((out.report.integratedLoudness ?? 0) - measured.lufs) < 0.01)
}

@Test func streamingTargetNeedsTheLimiterAndStaysUnderCeiling() throws {
    let (plan, sounds) = walkingPlan(scene: .indoor)
    let out = try Mixer(settings: .init(loudness: .streaming)).render(plan: plan, sounds: sounds)
    let measured = TestSounds.ebur128(out.mix)
    #expect(out.report.limiterReduction > 0)
    #expect(measured.truePeak <= -1.0, "true peak \(measured.truePeak) dBTP")
    #expect(abs(measured.lufs - -14) <= 0.5, "integrated \(measured.lufs) LUFS")
}

@Test func stemsShareTheMixGainAndDoNotClip() throws {
    let (plan, sounds) = walkingPlan()
    let out = try Mixer(settings: .init(loudness: .streaming)).render(plan: plan, sounds: sounds)
    #expect(out.stems.gain > 0)
    for key in out.stems.keys {
        #expect(Double(out.stems.render(key).peak) <= SpatialLaw.linear(-1) + 1e-6)
    }
}

@Test func indoorRoomAddsATailOutdoorBarelyAndDryNone() throws {
    let plan = TestSounds.plan(times: [0.2], duration: 1.0, scene: .indoor)
    let sound = TestSounds.click(length: 2_400)
    func energyAfter(_ audio: AudioBuffer, from start: Int) -> Double {
        audio.channels.reduce(0) { $0 + $1[start...].reduce(0) { $0 + Double($1 * $1) } }
    }
    let settings = MixSettings(normalize: false)
    let indoor = try Mixer(settings: settings).render(plan: plan, sounds: [sound]).mix
    var outdoorPlan = plan
    outdoorPlan.scene = .outdoor
    let outdoor = try Mixer(settings: settings).render(plan: outdoorPlan, sounds: [sound]).mix
    let dry = try Mixer(settings: .init(dry: true, normalize: false)).render(plan: plan, sounds: [sound]).mix
    let afterClip = 9_600 + 2_400 + 2_000  // well after the dry sound ends
    #expect(energyAfter(dry, from: afterClip) == 0)
    #expect(energyAfter(indoor, from: afterClip) > 1e-4)
    #expect(energyAfter(outdoor, from: afterClip) < energyAfter(indoor, from: afterClip) / 10)
    // The direct sound stays on top: reflections of the click's soft rise add only a little at the transient.
    #expect(abs(indoor.channels[0][9_600] - dry.channels[0][9_600]) < 0.01)
}
