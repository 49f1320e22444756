import FootfallTesting
import Foundation
import Testing

/// The built `footfall` executable run as a child process, with its output captured in files (a pipe could fill up
/// and stall it) and a hard time limit.
final class FootfallProcess {
    /// How the process ended.
    enum Ending: Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// Still running at the deadline: it was killed with SIGKILL.
        case timedOut
    }

    let process = Process()
    let stdoutURL: URL
    let stderrURL: URL
    private let started = Date()

    /// The executable next to the test binary (SwiftPM builds every product before `swift test`), or
    /// `FOOTFALL_BINARY`.
    static let executable: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["FOOTFALL_BINARY"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        candidates.append(me.deletingLastPathComponent().appendingPathComponent("footfall"))
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("footfall"))
        }
        candidates.append(BadInputCorpus.repository.appendingPathComponent(".build/debug/footfall"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }()

    /// Starts `footfall arguments…`; output goes to files in `logFolder` (keep it outside the folders checked for
    /// leftovers). `environment` is added to this process's.
    init(_ arguments: [String], logFolder: URL, label: String = "run", environment: [String: String] = [:]) throws {
        guard let executable = Self.executable else {
            throw CocoaError(
                .fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the footfall executable was not built"])
        }
        stdoutURL = logFolder.appendingPathComponent("\(label).stdout")
        stderrURL = logFolder.appendingPathComponent("\(label).stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = logFolder
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
    var elapsed: Double { Date().timeIntervalSince(started) }

    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Polls every 10 ms until `condition` holds (true) or the process ends or `timeout` passes (false).
    func wait(until condition: () -> Bool, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            if !process.isRunning { return condition() }
            usleep(10_000)
        }
        return false
    }

    /// Waits for the end, killing the process (SIGKILL) if it runs past `timeout` seconds from now.
    func finish(timeout: Double) -> Ending {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            send(SIGKILL)
            process.waitUntilExit()
            return .timedOut
        }
        process.waitUntilExit()
        switch process.terminationReason {
        case .exit: return .exited(process.terminationStatus)
        case .uncaughtSignal: return .signaled(process.terminationStatus)
        @unknown default: return .exited(process.terminationStatus)
        }
    }
}

/// What a folder holds, for "nothing was left behind" checks.
enum FolderContents {
    /// Paths relative to `folder`, every level, sorted (empty if the folder does not exist).
    static func list(_ folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return walker.compactMap { $0 as? String }.sorted()
    }

    /// Temporary files of an atomic write (`.name.partial-…`, `.name.….tmp`) or any other hidden file.
    static func leftovers(_ folder: URL) -> [String] {
        list(folder).filter { path in
            let name = URL(fileURLWithPath: path).lastPathComponent
            return name.hasPrefix(".") || name.contains(".partial") || name.hasSuffix(".tmp")
        }
    }
}
