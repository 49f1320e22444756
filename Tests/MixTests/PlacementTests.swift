import FootfallCore
import Foundation
import Sound
import Testing

@testable import Mix

/// Where the loudest sample of |L| + |R| is in [target - radius, target + radius].
private func peakIndex(_ audio: AudioBuffer, around target: Int, radius: Int) -> Int {
    var best = -1
    var bestValue: Float = -1
    for i in max(0, target - radius)...min(audio.frameCount - 1, target + radius) {
        let v = abs(audio.channels[0][i]) + abs(audio.channels[1][i])
        if v > bestValue {
            bestValue = v
            best = i
        }
    }
    return best
}

@Test func everyTransientLandsOnItsStepSample() throws {
    let times = TestSounds.irregularTimes(count: 150, seed: 7)
    let plan = TestSounds.plan(
        times: times, walkers: 3, duration: times.last! + 0.5, pan: { Double($0 % 5) / 2 - 1 })
    let sounds = (0..<times.count).map { TestSounds.click(transient: 100 + $0 % 300, seed: UInt64($0)) }
    let placement = try Mixer(settings: .init(dry: true, normalize: false)).place(plan: plan, sounds: sounds)
    #expect(placement.placed == times.count)
    for t in times {
        let target = Int((t * 48_000).rounded())
        #expect(peakIndex(placement.dry, around: target, radius: 240) == target, "step at \(t) s")
    }
}

@Test func finishedMixKeepsTransientsWithinOneMillisecond() throws {
    // Through the room, loudness and limiter too, with distance damping on.
    let times = TestSounds.irregularTimes(count: 40, minGap: 0.15, seed: 11)
    var plan = TestSounds.plan(times: times, walkers: 2, duration: times.last! + 0.3, scene: .indoor)
    for i in plan.steps.indices { plan.steps[i].distanceDamping = Double(i % 4) / 3 }
    let sounds = times.indices.map { TestSounds.click(seed: UInt64($0)) }
    let out = try Mixer().mixed(plan: plan, sounds: sounds)
    for t in times {
        let target = Int((t * 48_000).rounded())
        #expect(abs(peakIndex(out.mix, around: target, radius: 240) - target) <= 48, "step at \(t) s")
    }
}

@Test func stepBeforeZeroIsCutNotShifted() throws {
    let plan = TestSounds.plan(times: [0.001], duration: 1)
    let sound = TestSounds.click(transient: 240)
    let placement = try Mixer(settings: .init(dry: true, normalize: false)).place(plan: plan, sounds: [sound])
    #expect(peakIndex(placement.dry, around: 48, radius: 48) == 48)
    #expect(placement.dry.frameCount == 48_000)
}

@Test func stepsOutsideTheTrackAreSkipped() throws {
    let plan = TestSounds.plan(times: [0.5, 3.0], duration: 1)
    let sounds = [TestSounds.click(), TestSounds.click()]
    let placement = try Mixer(settings: .init(dry: true, normalize: false)).place(plan: plan, sounds: sounds)
    #expect(placement.placed == 1)
    #expect(placement.skipped == 1)
}

@Test func constantPowerPanIsMinusThreeDecibelsAtCentre() throws {
    let centre = SpatialLaw.panGains(0)
    #expect(abs(SpatialLaw.decibels(centre.left) - -3.0103) < 0.001)
    #expect(abs(SpatialLaw.decibels(centre.right) - -3.0103) < 0.001)
    let hardLeft = SpatialLaw.panGains(-1)
    #expect(abs(hardLeft.left - 1) < 1e-12 && abs(hardLeft.right) < 1e-12)
    let hardRight = SpatialLaw.panGains(1)
    #expect(abs(hardRight.left) < 1e-12 && abs(hardRight.right - 1) < 1e-12)
    for p in stride(from: -1.0, through: 1.0, by: 0.1) {
        let g = SpatialLaw.panGains(p)
        #expect(abs(g.left * g.left + g.right * g.right - 1) < 1e-12)
    }
    // And in the mix: a centred unit transient comes out at −3 dB on each side.
    let plan = TestSounds.plan(times: [0.25], duration: 0.5)
    let mix = try Mixer(settings: .init(dry: true, normalize: false)).place(plan: plan, sounds: [TestSounds.click()])
    let target = 12_000
    #expect(abs(SpatialLaw.decibels(Double(mix.dry.channels[0][target])) - -3.0103) < 0.001)
    #expect(abs(SpatialLaw.decibels(Double(mix.dry.channels[1][target])) - -3.0103) < 0.001)
}

@Test func overlappingStepsAdd() throws {
    let plan = TestSounds.plan(times: [0.1, 0.1], duration: 0.3)
    let sound = TestSounds.click()
    let mixer = Mixer(settings: .init(dry: true, normalize: false))
    let two = try mixer.place(plan: plan, sounds: [sound, sound]).dry
    let one = try mixer.place(plan: TestSounds.plan(times: [0.1], duration: 0.3), sounds: [sound]).dry
    for i in stride(from: 0, to: one.frameCount, by: 7) {
        #expect(abs(two.channels[0][i] - 2 * one.channels[0][i]) < 1e-6)
    }
}

@Test func stemsSumToTheDryMix() throws {
    let times = TestSounds.irregularTimes(count: 60, minGap: 0.02, maxGap: 0.2, seed: 3)
    let plan = TestSounds.plan(
        times: times, walkers: 3, duration: times.last! + 0.2, pan: { sin(Double($0)) },
        gain: { 1 / Double(1 + $0 % 3) })
    let sounds = times.indices.map { TestSounds.click(seed: UInt64($0)) }
    let mixer = Mixer(settings: .init(dry: true, normalize: false))
    let dry = try mixer.place(plan: plan, sounds: sounds).dry
    let stems = try mixer.mixed(plan: plan, sounds: sounds).stems.withGain(1)
    #expect(stems.keys.count == 6)
    var sumL = [Float](repeating: 0, count: dry.frameCount)
    var sumR = sumL
    for key in stems.keys {
        let stem = try stems.render(key)
        #expect(stem.frameCount == dry.frameCount)
        for i in 0..<stem.frameCount {
            sumL[i] += stem.channels[0][i]
            sumR[i] += stem.channels[1][i]
        }
    }
    var worst: Float = 0
    for i in 0..<dry.frameCount {
        worst = max(worst, abs(sumL[i] - dry.channels[0][i]), abs(sumR[i] - dry.channels[1][i]))
    }
    #expect(worst < 1e-5)
    #expect(dry.peak > 0.5)
}

@Test func sameplanAndSeedGiveBitIdenticalMix() throws {
    let times = TestSounds.irregularTimes(count: 30, seed: 5)
    let plan = TestSounds.plan(times: times, walkers: 2, duration: times.last! + 0.2, scene: .indoor)
    let sounds = times.indices.map { TestSounds.click(seed: UInt64($0)) }
    let a = try Mixer().mixed(plan: plan, sounds: sounds)
    let b = try Mixer().mixed(plan: plan, sounds: sounds)
    #expect(a.mix.channels.map { $0.map(\.bitPattern) } == b.mix.channels.map { $0.map(\.bitPattern) })
}

@Test func emptyPlanGivesSilenceWithoutNaN() throws {
    let out = try Mixer().mixed(plan: FootstepPlan(steps: [], duration: 2, scene: .unknown), sounds: [])
    #expect(out.mix.frameCount == 96_000)
    #expect(out.mix.channelCount == 2)
    #expect(out.mix.channels.allSatisfy { $0.allSatisfy { $0 == 0 } })
    #expect(out.report.integratedLoudness == nil)
    #expect(out.report.normalizationGain.isFinite)
    #expect(out.stems.keys.isEmpty)
    let zero = try Mixer().mixed(plan: FootstepPlan(steps: [], duration: 0, scene: .indoor), sounds: [])
    #expect(zero.mix.frameCount == 0)
}

@Test func mismatchedSoundsAreAnError() {
    let plan = TestSounds.plan(times: [0.1, 0.2], duration: 1)
    #expect(throws: FootfallError.self) { try Mixer().mixed(plan: plan, sounds: [TestSounds.click()]) }
    let wrongRate = FootstepSound(audio: AudioBuffer(sampleRate: 44_100, channels: [[1, 0]]), transientIndex: 0)
    #expect(throws: FootfallError.self) {
        try Mixer().mixed(plan: plan, sounds: [wrongRate, wrongRate])
    }
}

@Test func invalidSamplesFromABackendBecomeSilence() throws {
    var bad = TestSounds.click()
    bad.audio.channels[0][1_000] = .nan
    bad.audio.channels[0][1_001] = .infinity
    let plan = TestSounds.plan(times: [0.2, 0.6], duration: 1)
    let out = try Mixer().mixed(plan: plan, sounds: [bad, TestSounds.click()])
    #expect(out.mix.channels.allSatisfy { $0.allSatisfy(\.isFinite) })
    #expect(out.report.integratedLoudness?.isFinite == true)
    #expect(out.report.truePeak.map { $0 <= -1 } == true)
}
