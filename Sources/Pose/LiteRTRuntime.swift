import CLiteRt
import FootfallCore
import Foundation

/// Loads `libLiteRt.so` once per process (dlopen), so the binary runs without it until pose estimation is needed.
public enum LiteRTRuntime {
    /// Loads the runtime from `path`, or from the resource home (`lib/libLiteRt.so`) when `path` is nil.
    public static func load(path: String? = nil) throws {
        if ffl_is_loaded() != 0 { return }
        let libraryPath: String
        if let path {
            libraryPath = path
        } else {
            guard let url = try? ResourceLocator.file("lib/libLiteRt.so") else {
                throw FootfallError.failure("LiteRT runtime not found: run make setup (or set FOOTFALL_HOME)")
            }
            libraryPath = url.path
        }
        guard FileManager.default.fileExists(atPath: libraryPath) else {
            throw FootfallError.failure("LiteRT runtime not found at \(libraryPath): run make setup")
        }
        var message = [CChar](repeating: 0, count: 512)
        if ffl_load(libraryPath, &message, message.count) != 0 {
            let why = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw FootfallError.failure("LiteRT runtime could not be loaded (\(why)): run make setup")
        }
    }

    public static var isLoaded: Bool { ffl_is_loaded() != 0 }
}
