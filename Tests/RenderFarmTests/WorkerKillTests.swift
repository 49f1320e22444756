import FootfallTesting
import Foundation
import RenderFarm
import Testing

extension FarmProcessTests {
    /// The render farm end to end with real processes: two `footfall worker`s on one queue, one SIGKILLed while it
    /// renders; its job's lease runs out, the other worker renders it, `batch --wait` exits 0, and the output folder
    /// holds exactly one result set per video and no temporary file.
    @Suite struct WorkerKillTests {
        @Test(.timeLimit(.minutes(5))) func aWorkerKilledMidRenderLosesNothing() async throws {
            let fixture = try QueueFixture("kill")
            let inputs = fixture.folder.appendingPathComponent("in/nested")
            let out = fixture.folder.appendingPathComponent("out")
            let logs = fixture.folder.appendingPathComponent("logs")
            for folder in [inputs, out, logs] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            let names = (1...8).map { "clip\($0)" }
            for (i, name) in names.enumerated() {
                // Long enough (a few seconds of pose) that the kill lands mid-render; the backgrounds differ per clip.
                try SyntheticClip.make(
                    at: inputs.appendingPathComponent(name + ".mp4").path, fps: 30, duration: 6,
                    background: .texture(panX: Double(i + 1), panY: 0))
            }
            let queue = "\(fixture.url.description)"
            let workerArguments = ["worker", "--queue", queue, "--lease", "10"]
            let victim = try ChildProcess(workerArguments, logFolder: logs, label: "victim")
            let survivor = try ChildProcess(workerArguments, logFolder: logs, label: "survivor")
            let batch = try ChildProcess(
                [
                    "batch", fixture.folder.appendingPathComponent("in").path, "--queue", queue, "-o", out.path,
                    "--backend", "mock", "--wait",
                ],
                logFolder: logs, label: "batch")

            // SIGKILL the victim while it holds a job, a moment into the render.
            let watcher = try await fixture.queue()
            var killedJob: String?
            let deadline = Date().addingTimeInterval(120)
            while killedJob == nil, Date() < deadline {
                let held = try await watcher.all().first {
                    $0.status.state == .running && $0.status.worker?.contains("/\(victim.pid)/") == true
                }
                if let held {
                    try await Task.sleep(for: .seconds(1))
                    kill(victim.pid, SIGKILL)
                    // On a loaded machine the victim may have finished that job within the second and taken the
                    // next: the job it died holding is the one still marked as its own.
                    let dying = try await watcher.all().first {
                        $0.status.state == .running && $0.status.worker?.contains("/\(victim.pid)/") == true
                    }
                    killedJob = dying?.video ?? held.video
                } else {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            let killed = try #require(killedJob, "the victim never claimed a job: \(victim.output)")

            let batchStatus = batch.finish(timeout: 240)
            #expect(batchStatus == 0, "batch --wait: \(batch.output)\nsurvivor: \(survivor.output)")
            #expect(victim.finish(timeout: 5) != 0)
            let jobs = try await watcher.all()
            await watcher.close()
            #expect(jobs.count == 8)
            #expect(jobs.allSatisfy { $0.status.state == .done })
            // The killed job was started twice: once by the victim, once by the survivor after the lease ran out.
            #expect(jobs.first { $0.video == killed }?.status.attempts == 2)

            // SIGTERM: the idle survivor stops cleanly.
            kill(survivor.pid, SIGTERM)
            #expect(survivor.finish(timeout: 30) == 0, "survivor: \(survivor.output)")

            let files = (FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []).sorted()
            let leftovers = files.filter { path in
                let name = (path as NSString).lastPathComponent
                return path.split(separator: "/").contains { $0.hasPrefix(".") } || name.contains(".partial")
                    || name.hasSuffix(".tmp")
            }
            #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
            // One result set per video: the same outputs for each, named after it, and nothing else.
            func outputs(of name: String) -> [String] {
                files.filter { ($0 as NSString).lastPathComponent.hasPrefix(name + ".") }
                    .map { String(($0 as NSString).lastPathComponent.dropFirst(name.count)) }.sorted()
            }
            let set = outputs(of: names[0])
            #expect(set.contains(".footsteps.wav") && set.contains(".footsteps.mp4") && set.contains(".steps.json"))
            for name in names { #expect(outputs(of: name) == set, "\(name)") }
            let regular = files.filter { path in
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(
                    atPath: out.appendingPathComponent(path).path, isDirectory: &isDirectory)
                return !isDirectory.boolValue
            }
            #expect(regular.count == set.count * names.count, "\(regular)")
            TestFiles.remove(fixture.folder)
        }
    }
}
