import FootfallCore
import Foundation
import Sound
import Testing

@testable import Mix

/// A walking track: two walkers, a step every ~0.5 s each, at different distances and pans. `crowd` makes it four
/// walkers stepping about twice as often (denser, so a lower peak-to-loudness ratio).
private func walkingPlan(scene: SceneKind = .outdoor, crowd: Bool = false) -> (FootstepPlan, [FootstepSound]) {
    let times = TestSounds.irregularTimes(
        count: crowd ? 30 : 20, start: 0.2, minGap: crowd ? 0.08 : 0.2, maxGap: crowd ? 0.18 : 0.35, seed: 21)
    let plan = TestSounds.plan(
        times: times, walkers: crowd ? 4 : 2, duration: times.last! + 0.6, scene: scene,
        pan: { $0 % 2 == 0 ? -0.6 : 0.4 }, gain: { $0 % 2 == 0 ? 1 : 0.4 })
    return (plan, times.indices.map { TestSounds.step(seed: UInt64($0)) })
}

@Test(arguments: [LoudnessTarget.ebuR128, .custom(lufs: -20)])
func normalizationHitsTargetUnderTruePeakCeiling(target: LoudnessTarget) throws {
    let (plan, sounds) = walkingPlan()
    let out = try Mixer(settings: .init(loudness: target)).mixed(plan: plan, sounds: sounds)
    let measured = TestSounds.ebur128(out.mix)
    #expect(abs(measured.lufs - target.lufs) <= 0.5, "integrated \(measured.lufs) LUFS for \(target)")
    #expect(measured.truePeak <= -1.0, "true peak \(measured.truePeak) dBTP")
    #expect(abs((out.report.integratedLoudness ?? 0) - measured.lufs) < 0.01)
}

@Test(arguments: [LoudnessTarget.web, .streaming])
func loudTargetsNeedTheLimiterAndStayUnderCeiling(target: LoudnessTarget) throws {
    let (plan, sounds) = walkingPlan(scene: .indoor, crowd: true)
    let out = try Mixer(settings: .init(loudness: target)).mixed(plan: plan, sounds: sounds)
    let measured = TestSounds.ebur128(out.mix)
    #expect(out.report.limiterReduction > 1)
    #expect(measured.truePeak <= -1.0, "true peak \(measured.truePeak) dBTP")
    #expect(abs(measured.lufs - target.lufs) <= 0.5, "integrated \(measured.lufs) LUFS for \(target)")
}

@Test func limiterIsNotPushedPastItsMaximumForTooPeakySteps() throws {
    // Sparse, peaky steps outdoors cannot reach -14 LUFS under -1 dBTP without crushing them: the normalizer stops
    // at 12 dB of limiting and says so, rather than flattening the steps.
    let (plan, sounds) = walkingPlan()
    let out = try Mixer(settings: .init(loudness: .streaming)).mixed(plan: plan, sounds: sounds)
    let measured = TestSounds.ebur128(out.mix)
    #expect(out.report.limiterReduction <= 12.6)
    #expect(measured.truePeak <= -1.0)
    #expect(measured.lufs < -14.5)
}

@Test func stemsShareTheMixGainAndDoNotClip() throws {
    let (plan, sounds) = walkingPlan()
    let out = try Mixer(settings: .init(loudness: .streaming)).mixed(plan: plan, sounds: sounds)
    #expect(out.stems.gain > 0)
    for key in out.stems.keys {
        let peak = try out.stems.render(key).peak
        #expect(Double(peak) <= SpatialLaw.linear(-1) + 1e-6)
    }
}

@Test func indoorRoomAddsATailOutdoorBarelyAndDryNone() throws {
    let plan = TestSounds.plan(times: [0.2], duration: 1.0, scene: .indoor)
    let sound = TestSounds.click(length: 2_400)
    func energyAfter(_ audio: AudioBuffer, from start: Int) -> Double {
        audio.channels.reduce(0) { $0 + $1[start...].reduce(0) { $0 + Double($1 * $1) } }
    }
    let settings = MixSettings(normalize: false)
    let indoor = try Mixer(settings: settings).mixed(plan: plan, sounds: [sound]).mix
    var outdoorPlan = plan
    outdoorPlan.scene = .outdoor
    let outdoor = try Mixer(settings: settings).mixed(plan: outdoorPlan, sounds: [sound]).mix
    let dry = try Mixer(settings: .init(dry: true, normalize: false)).mixed(plan: plan, sounds: [sound]).mix
    let afterClip = 9_600 + 2_400 + 2_000  // well after the dry sound ends
    #expect(energyAfter(dry, from: afterClip) == 0)
    #expect(energyAfter(indoor, from: afterClip) > 1e-4)
    #expect(energyAfter(outdoor, from: afterClip) < energyAfter(indoor, from: afterClip) / 10)
    // The direct sound stays on top: reflections of the click's soft rise add only a little at the transient.
    #expect(abs(indoor.channels[0][9_600] - dry.channels[0][9_600]) < 0.01)
}

/// The meter splits the true peak per channel (one on another core) and leaves out stretches 12 dB under the peak so
/// far: it must read exactly what one plain libebur128 state reads, fed in blocks of any size, including a later peak
/// only a little above an earlier one and one that comes right after a long quiet stretch.
@Test(arguments: [AudioBlock.defaultFrames, 1000, 333])
func blockwiseMeterReadsWhatLibebur128Reads(blockFrames: Int) throws {
    let rate = 48_000
    let frames = rate * 7
    var rng = SeededRandom(seed: 17)
    var left = (0..<frames).map { _ in Float(rng.uniform(-0.0005...0.0005)) }
    var right = left.map { $0 * 0.5 }
    for (time, level, channel) in [(0.3, 0.5, 0), (1.7, 0.52, 1), (2.9, 0.2, 0), (5.8, 0.55, 0), (6.5, 0.9, 1)] {
        let start = Int(time * Double(rate))
        for i in 0..<4_000 where start + i < frames {
            let x = Float(level * exp(-Double(i) / 400) * sin(Double(i) * 1.3))
            if channel == 0 { left[start + i] += x } else { right[start + i] += x }
        }
    }
    let audio = AudioBuffer(sampleRate: rate, channels: [left, right])
    let reference = TestSounds.ebur128(audio)
    let meter = try LoudnessAccumulator(channels: 2, sampleRate: rate, mode: LoudnessMeter.integratedMode)
    try audio.forEachBlock(of: blockFrames) { _, block in try meter.add(block) }
    let measured = meter.measurement
    let peak = String(describing: measured.truePeak)
    let lufs = String(describing: measured.integrated)
    #expect(measured.truePeak == reference.truePeak, "true peak \(peak) vs \(reference.truePeak)")
    #expect(measured.integrated == reference.lufs, "loudness \(lufs) vs \(reference.lufs)")
}
