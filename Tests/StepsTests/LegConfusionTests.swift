import FootfallCore
import FootfallTesting
import Testing

@testable import Steps

@Suite struct LegConfusionTests {
    /// The sideview dev clip's failure, on a synthetic side-view walker: just before a heel strike the model
    /// pulls the resting foot 12 % of the height toward the landing one and the landing one 5 % back, then
    /// half-recovers in the next frame. The frame is unseen for both feet, and the walk keeps all its steps.
    @Test func legsPulledTogetherAreFoundAndBridged() throws {
        let walker = SyntheticWalker()
        let truth = walker.heelStrikes.filter { $0.time > 0.9 && $0.time < 4.6 }
        let hit = try #require(truth.dropFirst(2).first)
        var frames = walker.frames()
        let k = try #require(frames.lastIndex { $0.time < hit.time })
        let landing: [LandmarkIndex] = hit.foot == .left ? [.leftHeel, .leftFootIndex] : [.rightHeel, .rightFootIndex]
        let resting: [LandmarkIndex] = hit.foot == .left ? [.rightHeel, .rightFootIndex] : [.leftHeel, .leftFootIndex]
        for (offset, pull, push) in [(0, 0.05, 0.12), (1, 0.06, 0.03)] {
            for i in landing { frames[k + offset].walkers[0].landmarks[i.rawValue].x -= pull * walker.height }
            for i in resting { frames[k + offset].walkers[0].landmarks[i.rawValue].x += push * walker.height }
        }
        let track = try #require(WalkerTrack.tracks(from: frames, maxGap: 0.15).values.first?.first)
        #expect(LegConfusion.frames(in: track, visibility: 0.5) == [k])
        let detection = StepDetector().detect(frames: frames, info: walker.info)
        let errors = timingErrors(detection.heelStrikes, truth: truth)
        #expect(errors.count == truth.count, "found \(detection.heelStrikes.map(\.time))")
        #expect(errors.allSatisfy { abs($0) <= 0.06 }, "errors \(errors)")
    }

    @Test func walkingWithoutGlitchesHasNoConfusedFrames() {
        var walker = SyntheticWalker()
        walker.jitter = 0.006
        let tracks = WalkerTrack.tracks(from: walker.frames(), maxGap: 0.15)
        let track = tracks.values.first?.first
        #expect(track.map { LegConfusion.frames(in: $0, visibility: 0.5) } == [])
    }

    @Test func lowFrameRatesAreNotJudged() {
        // At 10 fps a swinging foot moves ~10 % of the height per frame: a jump cannot be told from motion.
        var walker = SyntheticWalker()
        walker.frameRate = 10
        var frames = walker.frames()
        frames[20].walkers[0].landmarks[LandmarkIndex.leftHeel.rawValue].x += 0.3 * walker.height
        let track = WalkerTrack.tracks(from: frames, maxGap: 0.3).values.first?.first
        #expect(track.map { LegConfusion.frames(in: $0, visibility: 0.5) } == [])
    }
}
