import FootfallCore
import Foundation

/// The installed recording sets: `DIR/<set>/manifest.json` and the files it lists (setup installs
/// `.cache/recordings/minetest-data/`).
public struct RecordingLibrary: Sendable {
    /// Environment variable and backend option that point at another folder of sets (tests, your own sets).
    public static let environmentKey = "FOOTFALL_RECORDINGS_DIR"
    public static let optionKey = "recordings_dir"

    public let directory: String
    /// Every usable recording (a surface, the file present), in manifest order per set, sets by name.
    public let recordings: [Recording]
    /// Files a manifest lists that are not there (reported: setup was interrupted or files were removed).
    public let missing: [String]

    /// Reads every set in `directory`; throws `badInput` with what to do when there is nothing usable.
    public init(directory: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FootfallError.badInput(
                "no footstep recordings installed (\(directory) does not exist): run 'make setup' (or"
                    + " scripts/setup.sh), which installs them from Debian's minetest-data package")
        }
        var recordings: [Recording] = []
        var missing: [String] = []
        let sets = ((try? fm.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for set in sets {
            let folder = (directory as NSString).appendingPathComponent(set)
            let manifestPath = (folder as NSString).appendingPathComponent("manifest.json")
            guard fm.fileExists(atPath: manifestPath) else { continue }
            let manifest = try RecordingManifest.read(path: manifestPath)
            let licenceText = manifest.licenceText.map { (folder as NSString).appendingPathComponent($0) }
            for entry in manifest.recordings {
                guard let surface = entry.surface else { continue }
                let path = (folder as NSString).appendingPathComponent(entry.file)
                guard fm.fileExists(atPath: path) else {
                    missing.append(path)
                    continue
                }
                recordings.append(
                    Recording(
                        path: path, file: entry.file, surface: surface, author: entry.author, source: entry.source,
                        licence: entry.licence, set: set, setTitle: manifest.title, origin: manifest.installedFrom,
                        licenceTextPath: licenceText.flatMap { fm.fileExists(atPath: $0) ? $0 : nil },
                        licenceNote: manifest.licenceNote))
            }
        }
        guard !recordings.isEmpty else {
            throw FootfallError.badInput(
                "no footstep recordings in \(directory)"
                    + (missing.isEmpty ? "" : " (\(missing.count) listed files are missing)")
                    + ": run 'make setup' (or scripts/setup.sh) to install them")
        }
        self.directory = directory
        self.recordings = recordings
        self.missing = missing
    }

    /// Where the sets are: the option, else the environment variable, else `recordings/` in Footfall's resource
    /// home (the repository's `.cache`, an installed `share/footfall`, or `FOOTFALL_HOME`).
    public static func defaultDirectory(options: [String: String], environment: [String: String]) -> String? {
        if let dir = options[optionKey], !dir.isEmpty { return dir }
        if let dir = environment[environmentKey], !dir.isEmpty { return dir }
        return ResourceLocator.home(environment: environment)?.appendingPathComponent("recordings").path
    }

    /// The recordings `policy` allows, per surface.
    public func allowed(by policy: LicencePolicy) -> [SurfaceKind: [Recording]] {
        Dictionary(grouping: recordings.filter { policy.allows($0.licence) }, by: \.surface)
    }

    /// "concrete 3 (CC BY), gravel 4 (CC BY-SA), …": what there is per surface, for listings and errors.
    public var contents: String {
        let bySurface = Dictionary(grouping: recordings, by: \.surface)
        return SurfaceKind.allCases.compactMap { surface -> String? in
            guard let list = bySurface[surface] else { return nil }
            let licences = Set(list.map(\.licence)).sorted().map(\.title).joined(separator: "/")
            return "\(surface.rawValue) \(list.count) (\(licences))"
        }.joined(separator: ", ")
    }
}
