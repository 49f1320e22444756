import FootfallCore
import FootfallTesting
import Foundation
import Testing

/// Ctrl-C / SIGTERM during `footfall render` (a real process): exit 130 / 143, no partial set of outputs, no temporary
/// files, the input untouched. Rendering with `--steps` skips the pose stage, so the export stage (where files are
/// written) is reached within seconds and can be interrupted at a chosen file.
@Suite(.serialized) struct InterruptTests {
    /// A 20 s clip with sound and a steps JSON for it (two walkers, a step every 0.5 s), made in `folder`.
    struct Fixture {
        let folder: URL
        let clip: String
        let steps: String
        let clipBytes: Data

        init(label: String, duration: Double = 20) throws {
            folder = try TestFiles.temporaryDirectory(label)
            clip = folder.appendingPathComponent("walk.mp4").path
            try SyntheticClip.make(
                at: clip, width: 320, height: 240, fps: 15, duration: duration,
                audio: SyntheticAudio.sine(frequency: 220, duration: duration))
            let times = stride(from: 0.5, to: duration - 0.5, by: 0.5).map { $0 }
            let events = times.enumerated().map { i, t in
                StepEvent(
                    time: t, frame: Int(t * 15), walker: i % 2, foot: i % 4 < 2 ? .left : .right, confidence: 0.9)
            }
            let document = StepsDocument(
                video: .init(file: "walk.mp4", width: 320, height: 240, duration: duration, frameRate: 15),
                steps: events)
            steps = folder.appendingPathComponent("walk.steps-in.json").path
            try document.encoded().write(to: URL(fileURLWithPath: steps))
            clipBytes = try Data(contentsOf: URL(fileURLWithPath: clip))
        }

        func output(_ name: String) -> URL { folder.appendingPathComponent(name) }

        func render(into out: URL, label: String, extra: [String] = []) throws -> FootfallProcess {
            try FootfallProcess(
                ["render", clip, "-o", out.path, "--backend", "mock"] + extra, logFolder: folder, label: label)
        }

        /// The checks every interrupted render must pass.
        func expectCleanInterrupt(
            _ run: FootfallProcess, ending: FootfallProcess.Ending, exitCode: Int32, out: URL, before: [String]?,
            sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            #expect(ending == .exited(exitCode), "stderr: \(run.stderr)", sourceLocation: sourceLocation)
            #expect(
                run.stderr.contains("interrupted: removing partial outputs"), "stderr: \(run.stderr)",
                sourceLocation: sourceLocation)
            #expect(
                FolderContents.leftovers(out).isEmpty, "\(FolderContents.list(out))", sourceLocation: sourceLocation)
            if let before {
                #expect(FolderContents.list(out) == before, sourceLocation: sourceLocation)
            } else {
                #expect(!FileManager.default.fileExists(atPath: out.path), "\(FolderContents.list(out))")
            }
            #expect(FolderContents.leftovers(folder).isEmpty, "\(FolderContents.list(folder))")
            #expect(try Data(contentsOf: URL(fileURLWithPath: clip)) == clipBytes, "the input is untouched")
        }
    }

    static let timeout = 120.0

    @Test func ctrlCDuringPoseLeavesNoOutputFolder() throws {
        let fixture = try Fixture(label: "interrupt-pose")
        defer { TestFiles.remove(fixture.folder) }
        let out = fixture.output("out")
        let run = try fixture.render(into: out, label: "pose")
        let reached = run.wait(until: { run.stderr.contains("[pose] started") }, timeout: Self.timeout)
        try #require(reached, "the pose stage never started: \(run.stderr)")
        usleep(300_000)
        try #require(run.process.isRunning, "the render ended before the interrupt: \(run.stderr)")
        run.send(SIGINT)
        let ending = run.finish(timeout: 30)
        try fixture.expectCleanInterrupt(run, ending: ending, exitCode: 130, out: out, before: nil)
    }

    /// Interrupted right after the first output (the steps JSON) appears: it and the folders the render made go.
    @Test func ctrlCBetweenOutputsRemovesTheNewOnes() throws {
        let fixture = try Fixture(label: "interrupt-between")
        defer { TestFiles.remove(fixture.folder) }
        let out = fixture.output("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: out.appendingPathComponent("keep.txt"))
        let run = try fixture.render(into: out, label: "between", extra: ["--steps", fixture.steps])
        let stepsFile = out.appendingPathComponent("walk.steps.json").path
        let reached = run.wait(until: { FileManager.default.fileExists(atPath: stepsFile) }, timeout: Self.timeout)
        try #require(reached, "no steps JSON was written: \(run.stderr)")
        try #require(run.process.isRunning, "the render ended before the interrupt: \(run.stderr)")
        run.send(SIGINT)
        let ending = run.finish(timeout: 30)
        try fixture.expectCleanInterrupt(run, ending: ending, exitCode: 130, out: out, before: ["keep.txt"])
    }

    /// Ctrl-C while the mixer spools audio into its work folder (in the output folder): the folder goes too.
    @Test func ctrlCDuringMixRemovesTheMixerWorkFolder() throws {
        let fixture = try Fixture(label: "interrupt-mix")
        defer { TestFiles.remove(fixture.folder) }
        let out = fixture.output("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let run = try fixture.render(into: out, label: "mix", extra: ["--steps", fixture.steps])
        let reached = run.wait(
            until: { FolderContents.list(out).contains { $0.hasPrefix(".footfall-mix-") && $0.hasSuffix(".f32") } },
            timeout: Self.timeout)
        try #require(reached, "the mixer never wrote its work files: \(FolderContents.list(out)) \(run.stderr)")
        run.send(SIGINT)
        let ending = run.finish(timeout: 30)
        try fixture.expectCleanInterrupt(run, ending: ending, exitCode: 130, out: out, before: [])
    }

    /// SIGTERM while a WAV is being written (its temporary file exists): exit 143, nothing left.
    @Test func sigtermMidWriteRemovesTheTemporaryFile() throws {
        let fixture = try Fixture(label: "interrupt-wav")
        defer { TestFiles.remove(fixture.folder) }
        let out = fixture.output("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let run = try fixture.render(into: out, label: "wav", extra: ["--steps", fixture.steps])
        let reached = run.wait(
            until: { FolderContents.list(out).contains { $0.contains(".partial") && $0.hasSuffix(".wav") } },
            timeout: Self.timeout)
        try #require(reached, "no WAV was being written: \(FolderContents.list(out)) \(run.stderr)")
        run.send(SIGTERM)
        let ending = run.finish(timeout: 30)
        try fixture.expectCleanInterrupt(run, ending: ending, exitCode: 143, out: out, before: [])
    }

    /// A `--force` re-render over a complete set, interrupted mid-write: no temporary file stays, and every output
    /// of the set is still there (old or new: a replaced file is only swapped by a rename).
    @Test func interruptedForcedRerenderKeepsAWholeSet() throws {
        let fixture = try Fixture(label: "interrupt-force")
        defer { TestFiles.remove(fixture.folder) }
        let out = fixture.output("out")
        let first = try fixture.render(into: out, label: "first", extra: ["--steps", fixture.steps])
        let firstEnding = first.finish(timeout: Self.timeout)
        try #require(firstEnding == .exited(0), "the first render failed: \(first.stderr)")
        let complete = FolderContents.list(out)
        #expect(complete.contains("walk.footsteps.wav") && complete.contains("walk.footsteps.mp4"))
        #expect(complete.contains { $0.hasPrefix("stems/") })

        let again = try fixture.render(into: out, label: "again", extra: ["--steps", fixture.steps, "--force"])
        let reached = again.wait(
            until: { FolderContents.list(out).contains { $0.contains(".partial") && $0.hasSuffix(".wav") } },
            timeout: Self.timeout)
        try #require(reached, "no WAV was being written: \(again.stderr)")
        again.send(SIGINT)
        let ending = again.finish(timeout: 30)
        try fixture.expectCleanInterrupt(again, ending: ending, exitCode: 130, out: out, before: complete)
    }

    /// A render that fails at its last output (the video's name is taken by a folder, so the rename fails) removes
    /// the outputs it had already written: no partial set, and what was there before stays.
    @Test func aRenderFailingAtTheLastOutputLeavesNoPartialSet() throws {
        let fixture = try Fixture(label: "failed-export", duration: 4)
        defer { TestFiles.remove(fixture.folder) }
        let out = fixture.output("out")
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("walk.footsteps.mp4"), withIntermediateDirectories: true)
        let run = try fixture.render(into: out, label: "failing", extra: ["--steps", fixture.steps, "--force"])
        let ending = run.finish(timeout: Self.timeout)
        #expect(ending == .exited(1), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("error: cannot move the finished file to"), "stderr: \(run.stderr)")
        #expect(FolderContents.list(out) == ["walk.footsteps.mp4"])
        #expect(FolderContents.leftovers(fixture.folder).isEmpty, "\(FolderContents.list(fixture.folder))")
    }
}
