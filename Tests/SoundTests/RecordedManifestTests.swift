import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import Sound

/// The committed manifest of the Minetest recordings and the checksums scripts/setup.sh pins must agree, and the
/// manifest must say what the credits need.
@Suite struct RecordedManifestTests {
    static let manifestPath = InstalledRecordings.repository
        .appendingPathComponent("Sources/Sound/Recorded/Resources/minetest-data.json").path

    /// `sha256  path` lines between `<<'PINS'` and `PINS` in scripts/setup.sh.
    static func setupPins() throws -> [String: String] {
        let script = try String(
            contentsOf: InstalledRecordings.repository.appendingPathComponent("scripts/setup.sh"), encoding: .utf8)
        let lines = script.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.contains("<<'PINS'") })
        let end = try #require(lines[(start + 1)...].firstIndex { $0 == "PINS" })
        var pins: [String: String] = [:]
        for line in lines[(start + 1)..<end] {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else { continue }
            pins[String(parts[1])] = String(parts[0])
        }
        return pins
    }

    @Test func every_recording_is_pinned_by_setup_with_the_same_checksum() throws {
        let manifest = try RecordingManifest.read(path: Self.manifestPath)
        let pins = try Self.setupPins()
        #expect(pins["README.txt"] != nil, "setup must pin the licence text")
        for entry in manifest.recordings {
            #expect(pins[entry.file] == entry.sha256, "\(entry.file): setup pins \(pins[entry.file] ?? "nothing")")
        }
        #expect(Set(pins.keys) == Set(manifest.recordings.map(\.file) + ["README.txt"]))
    }

    @Test func the_manifest_says_what_credits_need_and_why_a_file_is_unused() throws {
        let manifest = try RecordingManifest.read(path: Self.manifestPath)
        #expect(manifest.set == "minetest-data" && manifest.package == "minetest-data")
        #expect(manifest.licenceText == "README.txt")
        for entry in manifest.recordings {
            #expect(!entry.author.isEmpty && entry.source.hasPrefix("http"), "\(entry.file)")
            #expect(entry.sha256.count == 64)
            if entry.surface == nil { #expect(entry.note?.hasPrefix("not used:") == true, "\(entry.file)") }
        }
        let surfaces = Set(manifest.recordings.compactMap(\.surface))
        #expect(surfaces == [.concrete, .wood, .gravel, .grass, .sand, .snow, .metal, .wet])
        // The licences as the mod's README.txt states them.
        let licence = { (name: String) in manifest.recordings.first { $0.file.contains(name) }?.licence }
        #expect(licence("hard_footstep") == .ccBy3)
        #expect(licence("snow_footstep") == .cc0)
        #expect(licence("gravel_footstep") == .ccBySa3)
        #expect(licence("water_footstep") == .ccBy3)
    }

    @Test func setup_installs_the_manifest_it_commits() throws {
        guard let directory = InstalledRecordings.directory else { return }
        let installed = try RecordingManifest.read(path: directory + "/minetest-data/manifest.json")
        #expect(installed == (try RecordingManifest.read(path: Self.manifestPath)))
        let library = try RecordingLibrary(directory: directory)
        #expect(library.missing.isEmpty)
        #expect(library.recordings.count == installed.recordings.filter { $0.surface != nil }.count)
        #expect(library.recordings.allSatisfy { $0.licenceTextPath?.hasSuffix("README.txt") == true })
    }
}
