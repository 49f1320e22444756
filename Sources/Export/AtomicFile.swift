import FootfallCore
import Foundation

/// Small text outputs (steps JSON, marker files) written through a temporary file in the same folder and renamed
/// into place, so nobody ever sees half a file under the final name. The temporary file is registered with
/// `TemporaryFiles`, so an interrupt removes it.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        try TemporaryFiles.shared.writeAtomically(data, to: path)
    }

    /// The same file after resolving `.`/`..` and symbolic links (for "is this the input?" checks).
    public static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
