import Foundation

/// Temporary folders for tests. Each call gives a new, empty folder under the system temp directory.
public enum TestFiles {
    /// A fresh folder, e.g. `/tmp/footfall-tests/<label>-<uuid>`. Remove it with `remove(_:)` when done (or leave
    /// it: the system cleans /tmp).
    public static func temporaryDirectory(_ label: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("footfall-tests", isDirectory: true)
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes bytes to `name` in `folder` and returns the path (for garbage-input tests).
    @discardableResult
    public static func write(_ bytes: [UInt8], named name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Deterministic pseudo-random bytes.
    public static func randomBytes(count: Int, seed: UInt64 = 1) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    public static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }
}
