import FootfallCore
import Foundation

/// Writes result files atomically: a temporary file in the same folder, then a rename, so a reader never sees a
/// half-written file and an interrupted run leaves the old one intact (the temporary file is registered with
/// `TemporaryFiles`, so an interrupt removes it). Refuses to overwrite `protectedPaths`
/// (the inputs).
public enum StepsFileWriter {
    public static func write(_ data: Data, to path: String, protectedPaths: [String] = []) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        for p in protectedPaths where URL(fileURLWithPath: p).standardizedFileURL.path == target.path {
            throw FootfallError.usage("refusing to overwrite the input \(p); choose another output with -o")
        }
        try TemporaryFiles.shared.writeAtomically(data, to: target.path)
    }
}
