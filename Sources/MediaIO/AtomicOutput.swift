import FootfallCore
import Foundation

/// Writes an output through a temporary file in the same folder, renamed into place only when complete,
/// so a failed or interrupted write never leaves a half file under the final name.
struct AtomicOutput {
    let finalPath: String
    let temporaryPath: String

    /// `extension` keeps the temporary name's extension, so FFmpeg/libsndfile pick the same format.
    init(finalPath: String) throws {
        let url = URL(fileURLWithPath: finalPath)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw FootfallError.badInput(
                "cannot write '\(finalPath)': the folder '\(folder.path)' does not exist; create it first")
        }
        let ext = url.pathExtension
        let name = ".\(url.deletingPathExtension().lastPathComponent).partial-\(UInt32.random(in: 0...UInt32.max))"
        self.finalPath = finalPath
        self.temporaryPath = folder.appendingPathComponent(ext.isEmpty ? name : "\(name).\(ext)").path
    }

    /// Refuses to write over one of the inputs (same file after resolving links and relative paths).
    static func refuseOverwriting(_ output: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs
        where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw FootfallError.usage("the output '\(output)' is the input file; choose another output path")
        }
    }

    func commit() throws {
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw FootfallError.failure("cannot move the finished file to '\(finalPath)': \(reason)")
        }
    }

    func discard() {
        unlink(temporaryPath)
    }
}
