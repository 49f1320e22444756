import Foundation

/// Which step detector the numbers are for: the last commit touching Sources/Steps and whether the working tree
/// differs from it (the sweep runs whatever is on disk).
enum DetectorVersion {
    static func describe() -> String {
        let root = SweepArguments.packageRoot.path
        let commit = git(["-C", root, "log", "-1", "--format=%h %cs", "--", "Sources/Steps"]) ?? "unknown"
        let dirty = !(git(["-C", root, "status", "--porcelain", "--", "Sources/Steps"]) ?? "").isEmpty
        return "Detector: Sources/Steps at \(commit)\(dirty ? " plus uncommitted changes" : "")"
    }

    private static func git(_ args: [String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
