import FootfallTesting
import Foundation
import Testing

/// `footfall serve` keeps its own graceful shutdown (service lifecycle), not the render commands' interrupt handler:
/// SIGINT and SIGTERM stop it with exit code 0, at once.
@Suite struct ServeSignalTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func serveStopsCleanly(on signal: Int32) throws {
        let folder = try TestFiles.temporaryDirectory("serve-signal")
        defer { TestFiles.remove(folder) }
        let data = folder.appendingPathComponent("jobs").path
        let run = try FootfallProcess(
            ["serve", "--port", "0", "--data", data], logFolder: folder, label: "serve-\(signal)")
        let listening = run.wait(until: { run.stderr.contains("web interface on") }, timeout: 60)
        guard listening else {
            _ = run.finish(timeout: 0)
            Issue.record("serve did not start: \(run.stderr)")
            return
        }
        // The service group installs its signal handlers as it starts the server; give it a moment.
        usleep(300_000)
        run.send(signal)
        let ending = run.finish(timeout: 15)
        #expect(ending == .exited(0), "stderr: \(run.stderr)")
        #expect(!run.stderr.contains("interrupted: removing partial outputs"))
    }
}
