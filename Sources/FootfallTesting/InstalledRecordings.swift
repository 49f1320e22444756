import Foundation

/// The footstep recordings `scripts/setup.sh` installs, when they are there (tests that need them are skipped
/// otherwise, so a build without setup still tests everything else).
public enum InstalledRecordings {
    /// `.cache/recordings` (or `$FOOTFALL_CACHE/recordings`) when its minetest-data set is installed.
    public static var directory: String? {
        let cache =
            ProcessInfo.processInfo.environment["FOOTFALL_CACHE"].map { URL(fileURLWithPath: $0) }
            ?? repository.appendingPathComponent(".cache")
        let dir = cache.appendingPathComponent("recordings")
        let manifest = dir.appendingPathComponent("minetest-data/manifest.json")
        return FileManager.default.fileExists(atPath: manifest.path) ? dir.path : nil
    }

    public static var present: Bool { directory != nil }

    /// The repository root (for the committed manifest and scripts/setup.sh).
    public static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}
