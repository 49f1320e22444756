import Export
import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Mix
import Sound
import Testing

/// A real (synthetic) video in, the footsteps video out: the new track is there, as long as the picture, with its
/// steps where the plan put them.
@Test(arguments: [OriginalAudio.drop, .track, .mix])
func writesTheVideoWithTheNewTrack(original: OriginalAudio) throws {
    let folder = try TestFiles.temporaryDirectory("export-video")
    defer { TestFiles.remove(folder) }
    let source = folder.appendingPathComponent("walk.mp4").path
    try SyntheticClip.make(
        at: source, duration: 2, audio: SyntheticAudio.sine(frequency: 220, duration: 2, amplitude: 0.05))
    let info = try MediaProbe.probe(source)

    let times = [0.5, 1.0, 1.5]
    let steps = times.enumerated().map { i, t in
        StepEvent(time: t, frame: Int(t * 30), walker: 0, foot: i % 2 == 0 ? .left : .right, confidence: 1)
    }
    let plan = PlanBuilder().build(steps: steps, video: info, seed: 1, scene: .outdoor)
    let sounds = plan.steps.map { _ in
        FootstepSound(audio: SyntheticAudio.clicks(at: [0], duration: 0.05, channels: 1), transientIndex: 0)
    }
    let mixed = try Mixer(settings: .init(dry: true)).render(plan: plan, sounds: sounds)
    let out = folder.appendingPathComponent("out").path
    let files = try RenderOutputs.write(
        RenderOutputRequest(
            folder: out, baseName: "walk", mix: mixed.mix, stems: mixed.stems,
            document: StepsDocument(video: .init(info), steps: plan.steps.map(\.step)), sourceVideo: source,
            options: .init(originalAudio: original)))

    let video = try #require(files.video)
    #expect(video.hasSuffix("out/walk.footsteps.mp4"))
    let result = try MediaProbe.probe(video)
    #expect(abs(result.duration - info.duration) < 0.05)
    #expect(result.audioStreams.count == (original == .track ? 2 : 1))
    #expect(files.mux?.videoCopied == true)

    if original == .drop {
        // The decoded AAC track has each click within a millisecond of its step (the edit list removes priming).
        let audio = try #require(try decodeAudio(path: video))
        var from = 0
        for t in times {
            let onset = try #require(SyntheticAudio.onset(in: audio.channels[0], threshold: 0.05, from: from))
            #expect(abs(onset - Int((t * 48_000).rounded())) <= 48, "step at \(t) s: onset at sample \(onset)")
            from = onset + 2_400
        }
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }
    #expect(leftovers.isEmpty)
}
