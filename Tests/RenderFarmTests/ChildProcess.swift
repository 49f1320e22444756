import FootfallTesting
import Foundation
import Testing

/// The built `footfall` executable as a child process, its output in files (a pipe could fill and stall it).
final class ChildProcess {
    let process = Process()
    let log: URL

    /// Next to the test binary (SwiftPM builds every product before `swift test`), or `FOOTFALL_BINARY`.
    static let executable: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["FOOTFALL_BINARY"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(me.deletingLastPathComponent().appendingPathComponent("footfall"))
        candidates.append(BadInputCorpus.repository.appendingPathComponent(".build/debug/footfall"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    init(_ arguments: [String], logFolder: URL, label: String) throws {
        guard let executable = Self.executable else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "footfall was not built"])
        }
        log = logFolder.appendingPathComponent("\(label).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = logFolder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The exit status, or nil if it was still running after `timeout` seconds (it is then killed).
    func finish(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }
}

/// The tests that run `footfall worker` processes, one at a time: each renders real videos on the machine's few
/// cores, and the kill test's timing (leases of 10 s) must not depend on another test's renders.
@Suite(.serialized) struct FarmProcessTests {}
