import FootfallCore
import Foundation

/// Writes an output through a temporary file in the same folder, renamed into place only when complete,
/// so a failed or interrupted write never leaves a half file under the final name. The temporary file is registered
/// with `TemporaryFiles` from before it exists until it is renamed or removed, so an interrupt removes it.
struct AtomicOutput {
    let finalPath: String
    let temporaryPath: String
    let token: TemporaryFiles.Token

    /// Picks and registers the temporary name (keeping the extension); the writer creates the file.
    init(finalPath: String) throws {
        let url = URL(fileURLWithPath: finalPath)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw FootfallError.badInput(
                "cannot write '\(finalPath)': the folder '\(folder.path)' does not exist; create it first")
        }
        self.finalPath = finalPath
        self.temporaryPath = TemporaryFiles.temporaryPath(for: finalPath)
        self.token = TemporaryFiles.shared.register(temporaryPath)
    }

    /// Refuses to write over one of the inputs (same file after resolving links and relative paths).
    static func refuseOverwriting(_ output: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs
        where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw FootfallError.usage("the output '\(output)' is the input file; choose another output path")
        }
    }

    /// Renames the temporary file into place (removing it if that fails).
    func commit() throws {
        try TemporaryFiles.shared.commit(token, to: finalPath)
    }

    func discard() {
        unlink(temporaryPath)
        TemporaryFiles.shared.unregister(token)
    }
}
