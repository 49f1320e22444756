import Foundation

/// The bad-input corpus made by `scripts/make-corpus.sh` (zero-byte, truncated, rotated, VFR, odd sizes, …).
/// `make test` generates it first; when a test runs without it, the script is run once here.
public enum BadInputCorpus {
    /// The repository root, found from this source file's location.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public static var directory: URL { repository.appendingPathComponent(".cache/corpus") }

    /// Path of a corpus file, generating the corpus if it is missing.
    public static func file(_ name: String) throws -> String {
        try ensure()
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return url.path
    }

    private static let lock = NSLock()

    public static func ensure() throws {
        lock.lock()
        defer { lock.unlock() }
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent(".complete-v4").path) { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [repository.appendingPathComponent("scripts/make-corpus.sh").path, directory.path]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "make-corpus.sh failed"])
        }
    }
}
