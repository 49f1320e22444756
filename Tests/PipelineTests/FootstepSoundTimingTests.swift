import FootfallCore
import FootfallTesting
import Foundation
import Steps
import Testing

@testable import Pipeline

/// The steps follow footstep sounds heard in the video file's own audio track (AAC in MP4, as phones and game
/// captures write it), and `--picture-only` keeps the picture's timing.
@Suite struct FootstepSoundTimingTests {
    @Test func stepsFollowTheFootstepsInTheVideosAudio() throws {
        let folder = try TestFiles.temporaryDirectory("sound-timing")
        defer { TestFiles.remove(folder) }
        var walker = SyntheticWalker()
        walker.frameRate = 25
        walker.duration = 4
        let truth = walker.heelStrikes.map(\.time)
        let video = folder.appendingPathComponent("walk.mp4").path
        try SyntheticClip.make(
            at: video, fps: 25, duration: walker.duration,
            audio: SyntheticAudio.clicks(at: truth, duration: walker.duration))
        let frames = walker.frames()

        let heard = StepDetector().detect(frames: frames, info: walker.info, video: video)
        #expect(heard.sound?.offset != nil)
        #expect(heard.heelStrikes.count >= truth.count - 1)
        for step in heard.heelStrikes {
            let nearest = truth.min { abs($0 - step.time) < abs($1 - step.time) } ?? 0
            #expect(abs(step.time - nearest) < 0.001, "step at \(step.time), its click at \(nearest)")
            #expect(step.cues?.contains("sound") == true)
        }

        var options = StepDetectorOptions()
        options.followSound = false
        let seen = StepDetector(options: options).detect(frames: frames, info: walker.info, video: video)
        #expect(seen.sound == nil)
        #expect(seen == StepDetector().detect(frames: frames, info: walker.info))
    }

    @Test func aVideoWithoutAudioKeepsThePicturesSteps() throws {
        let folder = try TestFiles.temporaryDirectory("sound-timing-silent")
        defer { TestFiles.remove(folder) }
        let walker = SyntheticWalker()
        let video = folder.appendingPathComponent("walk.mp4").path
        try SyntheticClip.make(at: video, fps: 30, duration: 1)
        let frames = walker.frames()
        #expect(
            StepDetector().detect(frames: frames, info: walker.info, video: video)
                == StepDetector().detect(frames: frames, info: walker.info))
    }

    @Test func theReportSaysWhatTheSoundDid() {
        let locked = FootstepSoundCue.Alignment(
            offset: -0.085, steps: 4, locked: 4, attacks: 7, chance: 0.011, snapped: 4, confirmed: 1)
        let used = RenderPipeline.soundVerdict(locked)
        #expect(used.contains("4 of 4 steps had their sound") && used.contains("85 ms before"), "\(used)")
        #expect(used.contains("1 of them found only because they were heard"), "\(used)")
        var unlocked = locked
        unlocked.offset = nil
        unlocked.chance = 0.66
        #expect(RenderPipeline.soundVerdict(unlocked).hasPrefix("Not used"))
        #expect(RenderPipeline.soundVerdict(nil).contains("picture alone"))
    }

    /// The audio is read in chunks: the attacks are the ones the whole track gives, each once, on the same
    /// samples (clicks right at and around the chunk borders too).
    @Test func attacksReadInChunksAreTheWholeTracksAttacks() throws {
        let folder = try TestFiles.temporaryDirectory("sound-chunks")
        defer { TestFiles.remove(folder) }
        let clicks = [0.3, 0.8, 1.0, 1.52, 2.2, 2.61, 3.18, 3.98, 4.5]
        let video = folder.appendingPathComponent("clicks.mp4").path
        try SyntheticClip.make(
            at: video, fps: 25, duration: 5, audio: SyntheticAudio.clicks(at: clicks, duration: 5))
        let whole = try #require(try StepDetector.attacks(in: video, chunkSeconds: 60, overlapSeconds: 1))
        let chunked = try #require(try StepDetector.attacks(in: video, chunkSeconds: 1, overlapSeconds: 0.4))
        #expect(whole.attacks.count == clicks.count, "\(whole.attacks)")
        #expect(chunked.attacks.count == whole.attacks.count, "\(chunked.attacks) against \(whole.attacks)")
        for (a, b) in zip(chunked.attacks, whole.attacks) { #expect(abs(a - b) < 0.0005) }
        for (a, c) in zip(whole.attacks, clicks) { #expect(abs(a - c) < 0.001) }
        #expect(abs(chunked.duration - 5) < 0.05 && abs(whole.duration - chunked.duration) < 1e-9)
    }
}
