import FootfallTesting
import Foundation
import Testing

/// Every command that writes files refuses to replace one without --force, and bench keeps its history in the
/// user's data folder, not the folder it runs in.
@Suite struct OutputConsistencyTests {
    @Test(arguments: [
        ["steps", "VIDEO", "-o", "EXISTING"], ["pose", "VIDEO", "--json", "EXISTING"],
        ["surfaces", "VIDEO", "-o", "EXISTING"], ["surfaces", "VIDEO", "--sheet", "EXISTING"],
    ])
    func commandsRefuseToOverwriteWithoutForce(_ template: [String]) throws {
        let folder = try TestFiles.temporaryDirectory("cli-force")
        defer { TestFiles.remove(folder) }
        let video = folder.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 1)
        let existing = folder.appendingPathComponent("kept.out").path
        try "keep me\n".write(toFile: existing, atomically: true, encoding: .utf8)
        let arguments = template.map { $0 == "VIDEO" ? video : $0 == "EXISTING" ? existing : $0 }
        let run = try FootfallProcess(arguments, logFolder: folder)
        #expect(run.finish(timeout: 60) == .exited(2), "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("already exists; pass --force"), "\(run.stderr)")
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")
    }

    @Test func stepsWithForceReplacesTheFile() throws {
        let folder = try TestFiles.temporaryDirectory("cli-force-steps")
        defer { TestFiles.remove(folder) }
        let video = folder.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 1)
        let pose = folder.appendingPathComponent("clip.pose.json").path
        try #"{"frames":[]}"#.write(toFile: pose, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("clip.steps.json").path
        try "old\n".write(toFile: output, atomically: true, encoding: .utf8)
        let run = try FootfallProcess(["steps", video, "--pose", pose, "-o", output, "--force"], logFolder: folder)
        #expect(run.finish(timeout: 60) == .exited(0), "\(run.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"steps\""))
    }

    @Test func benchHistoryGoesToTheXDGDataFolder() throws {
        let folder = try TestFiles.temporaryDirectory("cli-bench")
        defer { TestFiles.remove(folder) }
        let video = folder.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, duration: 1)
        let data = folder.appendingPathComponent("xdg-data")
        let run = try FootfallProcess(
            ["bench", video, "--backend", "mock", "--json"], logFolder: folder,
            environment: ["XDG_DATA_HOME": data.path])
        #expect(run.finish(timeout: 300) == .exited(0), "\(run.stderr)")
        let history = data.appendingPathComponent("footfall/history.jsonl").path
        let lines = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("\"clip.mp4\""))
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("footfall/dashboard.html").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bench").path))
    }
}
