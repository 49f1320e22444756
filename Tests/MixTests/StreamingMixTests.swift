import FootfallCore
import Foundation
import Sound
import Testing

@testable import Mix

// The mixer works a block at a time so a long video's track never sits in memory; these check that the cuts
// between blocks change nothing: the same samples as one block over the whole track.

private func steps(count: Int = 80, seed: UInt64 = 5) -> (FootstepPlan, [FootstepSound]) {
    let times = TestSounds.irregularTimes(count: count, minGap: 0.01, maxGap: 0.15, seed: seed)
    let plan = TestSounds.plan(
        times: times, walkers: 2, duration: times.last! + 0.3, scene: .indoor, pan: { sin(Double($0)) },
        gain: { 3 / Double(1 + $0 % 3) })
    return (plan, times.indices.map { TestSounds.step(seed: UInt64($0)) })
}

@Test func stepTrackRendersTheSameSamplesInAnyBlocks() throws {
    let (plan, sounds) = steps()
    let workspace = try MixWorkspace()
    let bank = try SoundBank(in: workspace)
    try bank.append(contentsOf: sounds)
    let track = try StepTrack(plan: plan, bank: bank, frames: Mixer().frameCount(plan))
    let whole = try track.render(0..<track.frames)
    for block in [997, 4_800, 48_000] {
        var planes: [[Float]] = [[], []]
        var start = 0
        while start < track.frames {
            let end = min(track.frames, start + block)
            let part = try track.render(start..<end)
            planes[0] += part[0]
            planes[1] += part[1]
            start = end
        }
        #expect(planes == whole, "blocks of \(block) frames")
    }
}

@Test func roomProcessorCarriesItsStateAcrossBlocks() throws {
    let (plan, sounds) = steps(count: 30)
    let dry = try Mixer(settings: .init(dry: true, normalize: false)).place(plan: plan, sounds: sounds).dry
    let whole = RoomReverb.smallRoom.process(dry)
    var processor = RoomReverb.smallRoom.processor(sampleRate: dry.sampleRate)
    var planes: [[Float]] = [[], []]
    try dry.forEachBlock(of: 1_001) { _, block in
        let wet = processor.process(block)
        planes[0] += wet[0]
        planes[1] += wet[1]
    }
    #expect(planes == whole.channels)
    #expect(whole != dry, "the room adds something")
}

@Test func limiterGivesTheSameGainsInAnyBlocks() throws {
    let (plan, sounds) = steps()
    let dry = try Mixer(settings: .init(dry: true, normalize: false)).place(plan: plan, sounds: sounds).dry
    let limiter = TruePeakLimiter(ceiling: -6)
    var reference: [[Float]] = [[], []]
    let wholeReduction = try limiter.process(dry, preGain: 4, blockFrames: dry.frameCount) { block in
        reference[0] += block[0]
        reference[1] += block[1]
    }
    #expect(wholeReduction > 3, "the test must make the limiter work")
    for blockFrames in [333, 4_096] {
        var planes: [[Float]] = [[], []]
        let reduction = try limiter.process(dry, preGain: 4, blockFrames: blockFrames) { block in
            planes[0] += block[0]
            planes[1] += block[1]
        }
        #expect(abs(reduction - wholeReduction) < 1e-4)
        var worst: Float = 0
        for c in 0..<2 { for i in planes[c].indices { worst = max(worst, abs(planes[c][i] - reference[c][i])) } }
        // The box average's running sum restarts per block: only rounding may differ.
        #expect(worst < 1e-6, "blocks of \(blockFrames): largest difference \(worst)")
    }
}

@Test func spooledAudioReadsBackWhatWasWrittenWithZerosOutside() throws {
    let workspace = try MixWorkspace()
    let spool = try SpooledAudio(in: workspace, name: "t.f32", sampleRate: 48_000, channelCount: 2)
    let a: [[Float]] = [(0..<100).map { Float($0) }, (0..<100).map { -Float($0) }]
    try spool.append(a)
    try spool.append([[1, 2], [3, 4]])
    #expect(spool.frameCount == 102)
    let read = try spool.read(-2..<4)
    #expect(read[0] == [0, 0, 0, 1, 2, 3])
    #expect(read[1] == [0, 0, 0, -1, -2, -3])
    let tail = try spool.read(99..<104)
    #expect(tail[1] == [-99, 3, 4, 0, 0])
    try spool.reset()
    #expect(spool.frameCount == 0)
    let empty = try spool.read(0..<2)
    #expect(empty[0] == [0, 0])
}

@Test func workFilesAreRemovedWithTheMix() throws {
    let (plan, sounds) = steps(count: 10)
    var folder = ""
    do {
        let workspace = try MixWorkspace()
        folder = workspace.path
        let bank = try SoundBank(in: workspace)
        try bank.append(contentsOf: sounds)
        let out = try Mixer().render(plan: plan, bank: bank, workspace: workspace)
        #expect(out.mix.frameCount == Mixer().frameCount(plan))
        #expect(FileManager.default.fileExists(atPath: folder))
    }
    #expect(!FileManager.default.fileExists(atPath: folder), "the work folder outlived the mix")
}

@Test func soundBankRefusesAudioTheMixerCannotPlace() throws {
    let bank = try SoundBank(in: try MixWorkspace())
    let wrongRate = FootstepSound(audio: AudioBuffer(sampleRate: 44_100, channels: [[0, 1, 0]]), transientIndex: 1)
    #expect(throws: FootfallError.self) { try bank.append(wrongRate) }
    let nan = FootstepSound(audio: AudioBuffer(channels: [[0, .nan, 0.5]]), transientIndex: 2)
    try bank.append(nan)
    let cleaned = try bank.sound(at: 0)
    #expect(cleaned.audio.channels[0] == [0, 0, 0.5])
}

@Test func walkersBeyondTheStemLimitShareTheOthersStems() throws {
    // 12 walkers, walker k has 12 + k steps: the 8 busiest (4...11) get their own stems.
    var times: [Double] = []
    var walkers: [Int] = []
    for w in 0..<12 {
        for s in 0..<(12 + w) {
            times.append(0.05 + Double(s) * 0.21 + Double(w) * 0.013)
            walkers.append(w)
        }
    }
    var plan = TestSounds.plan(times: times, duration: 6)
    for i in plan.steps.indices { plan.steps[i].step.walker = walkers[i] }
    let sounds = times.indices.map { TestSounds.click(length: 2_400, seed: UInt64($0)) }
    let mixer = Mixer(settings: .init(dry: true, normalize: false))
    let stems = try mixer.render(plan: plan, sounds: sounds).stems.withGain(1)
    let own = Set(stems.keys.compactMap(\.walker))
    #expect(own == Set(4..<12))
    #expect(stems.keys.count == 18)
    #expect(stems.keys.last?.description == "others.right")
    let dry = try mixer.place(plan: plan, sounds: sounds).dry
    var sum = [Float](repeating: 0, count: dry.frameCount)
    for key in stems.keys {
        let stem = try stems.render(key)
        for i in sum.indices { sum[i] += stem.channels[0][i] }
    }
    let worst = zip(sum, dry.channels[0]).map { abs($0 - $1) }.max() ?? 0
    #expect(worst < 1e-5, "stems must still sum to the mix")
}
