import FootfallCore
import Foundation
import Logging

/// Generated clips on disk, keyed by a hash of what was asked for (endpoint + job input), so a re-render with the
/// same prompts and seeds costs no GPU time. Files are written to a temporary name and renamed, so a crash never
/// leaves half a clip; an unreadable cache is only a miss.
public struct SoundCache: Sendable {
    public let directory: URL
    let logger: Logger

    public init(directory: URL, logger: Logger = Logger(label: "footfall.sound")) {
        self.directory = directory
        self.logger = logger
    }

    /// A stable 128-bit hex key for `parts` (two FNV-1a 64 hashes with different offsets; not for security).
    public static func key(_ parts: [Data]) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        for part in parts {
            for byte in part + [0x1f] {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                b = b ^ (b >> 29)
            }
        }
        return String(format: "%016llx%016llx", a, b)
    }

    public func url(for key: String) -> URL { directory.appendingPathComponent("\(key).audio") }

    public func load(_ key: String) -> Data? {
        let url = url(for: key)
        guard let data = try? Data(contentsOf: url), !data.isEmpty else { return nil }
        return data
    }

    /// Stores `data` (and a small JSON note of what it is, for people browsing the cache); failures are warnings.
    public func store(_ data: Data, key: String, note: [String: String] = [:]) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try write(data, to: url(for: key))
            if !note.isEmpty {
                let json = try JSONSerialization.data(withJSONObject: note, options: [.sortedKeys, .prettyPrinted])
                try write(json, to: directory.appendingPathComponent("\(key).json"))
            }
        } catch {
            logger.warning("could not cache the generated clip in \(directory.path): \(error.localizedDescription)")
        }
    }

    /// Through a registered temporary file, so an interrupt leaves no half clip; not a render output (kept even
    /// when the render fails).
    private func write(_ data: Data, to url: URL) throws {
        try TemporaryFiles.shared.writeAtomically(data, to: url.path, isOutput: false)
    }
}
