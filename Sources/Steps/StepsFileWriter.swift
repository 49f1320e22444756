import FootfallCore
import Foundation

/// Writes result files atomically: a temporary file in the same folder, then a rename, so a reader never sees a
/// half-written file and an interrupted run leaves the old one intact. Refuses to overwrite `protectedPaths`
/// (the inputs).
public enum StepsFileWriter {
    public static func write(_ data: Data, to path: String, protectedPaths: [String] = []) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        for p in protectedPaths where URL(fileURLWithPath: p).standardizedFileURL.path == target.path {
            throw FootfallError.usage("refusing to overwrite the input \(p); choose another output with -o")
        }
        let dir = target.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temp)
            if FileManager.default.fileExists(atPath: target.path) {
                _ = try FileManager.default.replaceItemAt(target, withItemAt: temp)
            } else {
                try FileManager.default.moveItem(at: temp, to: target)
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw FootfallError.failure("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
