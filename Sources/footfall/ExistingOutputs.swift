import FootfallCore
import Foundation

/// Commands that write files refuse to replace one that exists unless `--force`, before any slow work.
enum ExistingOutputs {
    static func refuse(_ paths: [String?], force: Bool) throws {
        guard !force else { return }
        // Writing to /dev/null or a pipe replaces nothing.
        for path in paths.compactMap({ $0 })
        where FileManager.default.fileExists(atPath: path) && !TemporaryFiles.isStream(path) {
            throw FootfallError.usage("'\(path)' already exists; pass --force to replace it, or choose another file")
        }
    }
}
