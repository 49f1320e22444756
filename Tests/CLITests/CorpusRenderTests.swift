import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

/// Every bad-input corpus file (`scripts/make-corpus.sh`) rendered by the real `footfall` executable with the mock
/// sound backend, each into its own folder: either a correct result, or exit code 2 with one clear line. Never a
/// signal, never past the time limit, never a temporary or partial file left behind, never a changed input.
@Suite(.serialized) struct CorpusRenderTests {
    enum People: Sendable {
        /// Nobody in the picture: 0 steps and the "no person found" warning.
        case nobody
        /// At least this many walkers with steps.
        case walkers(Int)
    }

    enum Expected: Sendable {
        /// Renders; the steps JSON and the output video are `width`×`height` (upright).
        case rendered(width: Int, height: Int, People)
        /// Exit code 2 and one `error:` line naming the file and containing `phrase`; nothing written.
        case refused(String)
    }

    static let table: [(file: String, expected: Expected)] = [
        ("zero_bytes.mp4", .refused("is empty")),
        ("random_bytes.mp4", .refused("cannot read")),
        ("truncated_no_moov.mp4", .refused("cannot read")),
        ("audio_only.mp4", .refused("no video stream")),
        ("audio_only.m4a", .refused("no video stream")),
        ("still_image.png", .refused("still image")),
        ("moov_at_end.mp4", .rendered(width: 320, height: 240, .nobody)),
        ("faststart.mp4", .rendered(width: 320, height: 240, .nobody)),
        // Cut mid-mdat: the picture stops early (a warning), the track still covers the announced duration.
        ("truncated.mp4", .rendered(width: 320, height: 240, .nobody)),
        ("single_frame.mp4", .rendered(width: 320, height: 240, .nobody)),
        ("upright.mp4", .rendered(width: 320, height: 240, .nobody)),
        ("rotated_90.mp4", .rendered(width: 240, height: 320, .nobody)),
        ("rotated_180.mp4", .rendered(width: 320, height: 240, .nobody)),
        ("rotated_270.mp4", .rendered(width: 240, height: 320, .nobody)),
        ("vfr.mp4", .rendered(width: 320, height: 240, .nobody)),
        ("tiny_1x1.mp4", .rendered(width: 1, height: 1, .nobody)),
        ("tiny_2x2.mp4", .rendered(width: 2, height: 2, .nobody)),
        ("odd_721x405.mp4", .rendered(width: 721, height: 405, .nobody)),
        ("dci_4096x2160.mp4", .rendered(width: 4096, height: 2160, .nobody)),
        ("ten_bit.mp4", .rendered(width: 320, height: 240, .nobody)),
        ("yuv444.mp4", .rendered(width: 320, height: 240, .nobody)),
        ("nobody.mp4", .rendered(width: 320, height: 240, .nobody)),
        // Cut from the demo video (absent without it: those cases are skipped).
        ("enter_leave.mp4", .rendered(width: 256, height: 400, .walkers(1))),
        ("two_people_crossing.mp4", .rendered(width: 768, height: 576, .walkers(2))),
    ]

    /// Per file; the slowest (two people at 768×576, pose in a debug build on a busy machine) takes ~40 s.
    static let timeLimit = 150.0

    @Test(arguments: table.map(\.file))
    func render(_ name: String) throws {
        let expected = try #require(Self.table.first { $0.file == name }?.expected)
        try BadInputCorpus.ensure()
        let source = BadInputCorpus.directory.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: source) else {
            // Only the demo-derived cases may be missing (make-corpus.sh needs .cache/demo/vtest.avi for them).
            #expect(["enter_leave.mp4", "two_people_crossing.mp4"].contains(name), "\(name) is missing")
            return
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: source))
        let folder = try TestFiles.temporaryDirectory("corpus-\(name)")
        defer { TestFiles.remove(folder) }
        let out = folder.appendingPathComponent("out")

        let run = try FootfallProcess(
            ["render", source, "-o", out.path, "--backend", "mock"], logFolder: folder, label: "render")
        let ending = run.finish(timeout: Self.timeLimit)
        let seconds = String(format: "%.1f", run.elapsed)
        #expect(ending != .timedOut, "\(name): still running after \(Self.timeLimit) s (killed)")
        if case .signaled(let signal) = ending { Issue.record("\(name): crashed with signal \(signal): \(run.stderr)") }
        #expect(FolderContents.leftovers(folder).isEmpty, "\(name): left \(FolderContents.leftovers(folder))")
        #expect(try Data(contentsOf: URL(fileURLWithPath: source)) == before, "\(name): the input changed")

        switch expected {
        case .refused(let phrase):
            #expect(ending == .exited(2), "\(name): \(ending) in \(seconds) s; stderr: \(run.stderr)")
            let lines = Self.messageLines(run.stderr)
            #expect(lines.count == 1, "\(name): one line expected, got \(lines)")
            let line = lines.last ?? ""
            #expect(line.hasPrefix("error: ") && line.contains(phrase) && line.contains(name), "\(name): \(line)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(name): \(FolderContents.list(out))")
        case .rendered(let width, let height, let people):
            #expect(ending == .exited(0), "\(name): \(ending) in \(seconds) s; stderr: \(run.stderr)")
            guard ending == .exited(0) else { return }
            try checkOutputs(
                of: name, source: source, out: out, width: width, height: height, people: people, stderr: run.stderr)
        }
    }

    /// The steps JSON parses and has the upright size; the WAV lasts as long as the video; the new video has the
    /// same upright size, a picture and a sound track of that length.
    func checkOutputs(
        of name: String, source: String, out: URL, width: Int, height: Int, people: People, stderr: String
    ) throws {
        let base = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        let info = try MediaProbe.probe(source)
        let tolerance = 1 / max(info.frameRate, 1) + 0.01
        let stepsData = try Data(contentsOf: out.appendingPathComponent("\(base).steps.json"))
        let document = try StepsDocument.decode(from: stepsData)
        #expect(document.video.width == width && document.video.height == height, "\(name): \(document.video)")

        let wav = try readAudioFile(path: out.appendingPathComponent("\(base).footsteps.wav").path)
        let wavSeconds = Double(wav.frameCount) / Double(wav.sampleRate)
        #expect(abs(wavSeconds - info.duration) <= tolerance, "\(name): WAV \(wavSeconds) s, video \(info.duration) s")

        let video = try MediaProbe.probe(out.appendingPathComponent("\(base).footsteps.mp4").path)
        #expect(video.width == width && video.height == height, "\(name): output video \(video.width)×\(video.height)")
        let track = try #require(video.audioStreams.first, "\(name): the output video has no sound track")
        #expect(abs(track.duration - info.duration) <= tolerance + 0.05, "\(name): track \(track.duration) s")

        for marker in ["audacity.txt", "reaper.csv", "edl"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(base).\(marker)").path))
        }
        switch people {
        case .nobody:
            #expect(document.steps.isEmpty, "\(name): \(document.steps.count) steps on an empty picture")
            #expect(stderr.contains("no person found"), "\(name): no warning about the empty picture")
        case .walkers(let count):
            let walkers = Set(document.steps.map(\.walker)).count
            #expect(walkers >= count, "\(name): \(walkers) walkers with steps, expected at least \(count)")
        }
    }

    /// The lines of standard error that are not progress lines (`[stage] started`).
    static func messageLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("[") && !$0.isEmpty }
    }
}
