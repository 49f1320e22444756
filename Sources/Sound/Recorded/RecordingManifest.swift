import FootfallCore
import Foundation

/// `manifest.json` of a set of recordings: where they came from and, per file, its surface, author, source and
/// licence. Committed in `Resources/` and installed by setup next to the files it describes.
public struct RecordingManifest: Codable, Sendable, Equatable {
    /// One recording.
    public struct Entry: Codable, Sendable, Equatable {
        /// Path relative to the manifest's folder.
        public var file: String
        /// The surface it stands for; nil: installed but not used (see `note`).
        public var surface: SurfaceKind?
        public var author: String
        /// Where the original recording is published.
        public var source: String
        public var licence: RecordingLicence
        public var sha256: String
        public var note: String?
    }

    /// The folder name the set is installed under, e.g. `minetest-data`.
    public var set: String
    public var title: String
    /// The Debian package the files come from, and its version when the pins were made.
    public var package: String?
    public var packageVersion: String?
    public var installedFrom: String?
    /// The licence text shipped with the files (relative path), cited in credits.
    public var licenceText: String?
    /// What a user should know about the licence statements themselves.
    public var licenceNote: String?
    public var recordings: [Entry]

    enum CodingKeys: String, CodingKey {
        case set, title, package, recordings
        case packageVersion = "package_version"
        case installedFrom = "installed_from"
        case licenceText = "licence_text"
        case licenceNote = "licence_note"
    }

    /// Reads and checks a manifest; errors say which file and what is wrong.
    public static func read(path: String) throws -> RecordingManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FootfallError.badInput("cannot read the recordings manifest \(path): run 'make setup' again")
        }
        do {
            return try JSONDecoder().decode(RecordingManifest.self, from: data)
        } catch let error as DecodingError {
            throw FootfallError.badInput("recordings manifest \(path): \(error.readable)")
        } catch {
            throw FootfallError.badInput("recordings manifest \(path) is not valid JSON: \(error.localizedDescription)")
        }
    }
}
