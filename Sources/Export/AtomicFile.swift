import FootfallCore
import Foundation

/// Small text outputs (steps JSON, marker files) written through a temporary file in the same folder and renamed
/// into place, so nobody ever sees half a file under the final name.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(UInt32.random(in: 0...UInt32.max))").path
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw FootfallError.failure(
                "cannot write '\(path)': \(String(cString: strerror(errno))); check the output folder's permissions")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FootfallError.failure("cannot move the finished file to '\(path)': \(reason)")
        }
    }

    /// The same file after resolving `.`/`..` and symbolic links (for "is this the input?" checks).
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
