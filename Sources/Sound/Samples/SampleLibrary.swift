import FootfallCore
import Foundation

/// The recordings in a samples folder: `DIR/<surface>/*.wav|flac|…`, surface folders named by surface or alias.
public struct SampleLibrary: Sendable {
    public static let audioExtensions: Set<String> = ["wav", "flac", "aif", "aiff", "ogg", "mp3", "m4a"]

    public let directory: String
    /// Paths per surface, sorted by name so choices are reproducible.
    public let files: [SurfaceKind: [String]]
    /// Subfolders that are not a surface name (reported, not used).
    public let ignoredFolders: [String]

    /// Scans `directory`; throws `badInput` with what to do when it is missing or holds no recordings.
    public init(directory: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FootfallError.badInput(
                "samples folder '\(directory)' does not exist: create it with one subfolder per surface"
                    + " (e.g. \(directory)/gravel/step1.wav)")
        }
        var files: [SurfaceKind: [String]] = [:]
        var ignored: [String] = []
        let entries = (try? fm.contentsOfDirectory(atPath: directory)) ?? []
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(entry)
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            guard let surface = try? SurfaceKind.parse(entry) else {
                ignored.append(entry)
                continue
            }
            let audio = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter {
                !$0.hasPrefix(".") && Self.audioExtensions.contains(($0 as NSString).pathExtension.lowercased())
            }
            files[surface, default: []] += audio.map { (path as NSString).appendingPathComponent($0) }
        }
        self.directory = directory
        self.files = files.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
        ignoredFolders = ignored
        guard !self.files.isEmpty else {
            let names = SurfaceKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw FootfallError.badInput(
                "no recordings in samples folder '\(directory)': put .wav or .flac files in subfolders named by"
                    + " surface (\(names))"
                    + (ignored.isEmpty ? "" : "; not surface names: " + ignored.joined(separator: ", ")))
        }
    }

    /// The surface whose recordings stand in for `surface`: itself if present, else the most similar one present.
    public func resolve(_ surface: SurfaceKind) -> SurfaceKind {
        if files[surface] != nil { return surface }
        return surface.similarSurfaces.first { files[$0] != nil } ?? surface
    }
}
