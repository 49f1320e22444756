import FootfallCore
import Foundation
import Testing

@testable import Sound

@Suite struct RecordedLicenceTests {
    @Test func policies_parse_and_say_what_to_type() throws {
        #expect(try LicencePolicy.parse("CC0") == .cc0)
        #expect(try LicencePolicy.parse("attribution") == .attribution)
        #expect(try LicencePolicy.parse("cc-by") == .attribution)
        #expect(try LicencePolicy.parse("BY_SA") == .any)
        #expect(try LicencePolicy(options: [:]) == .any)
        do {
            _ = try LicencePolicy.parse("atribution")
            Issue.record("expected an error")
        } catch let error as FootfallError {
            #expect(error.exitCode == 2)
            #expect(error.description.contains("did you mean 'attribution'"))
            #expect(error.description.contains("cc0") && error.description.contains("any"))
        }
        #expect(LicencePolicy.cc0.allows(.cc0) && !LicencePolicy.cc0.allows(.ccBy3))
        #expect(LicencePolicy.attribution.allows(.ccBy3) && !LicencePolicy.attribution.allows(.ccBySa3))
        #expect(RecordingLicence.allCases.allSatisfy(LicencePolicy.any.allows))
    }

    @Test func cc0_never_plays_a_cc_by_or_by_sa_recording_on_any_surface() async throws {
        let dir = try RecordedTestSet.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let capture = LogCapture()
        let backend = RecordedBackend(directory: dir.path, policy: .cc0, seed: 3, logger: capture.logger)
        let requests = SurfaceKind.allCases.flatMap { RecordedTestSet.requests($0, count: 6) }
        let batch = try await backend.soundBatch(for: requests)
        #expect(batch.sounds.count == requests.count)
        let credits = backend.recordingCredits()
        #expect(!credits.uses.isEmpty)
        #expect(credits.uses.allSatisfy { $0.recording.licence == .cc0 }, "\(credits.uses.map(\.recording.file))")
        #expect(credits.strictest == .cc0)
        // Concrete's recordings are CC BY: its steps are synthesised instead, and the warning says how to allow them.
        let concrete = try #require(batch.warnings.first { $0.contains("concrete recordings") })
        #expect(concrete.contains("CC BY 3.0") && concrete.contains("--licence attribution"))
        // Gravel borrows sand's (CC0) recordings.
        #expect(batch.warnings.contains { $0.contains("using sand recordings for gravel") })
        #expect(credits.synthesizedSteps > 0)
        #expect(credits.conditions.hasPrefix("No licence condition applies"))
    }

    @Test func attribution_allows_cc_by_but_not_share_alike() async throws {
        let dir = try RecordedTestSet.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let backend = RecordedBackend(directory: dir.path, policy: .attribution, seed: 3)
        _ = try await backend.soundBatch(
            for: RecordedTestSet.requests(.concrete, count: 4) + RecordedTestSet.requests(.gravel, count: 4))
        let licences = Set(backend.recordingCredits().uses.map(\.recording.licence))
        #expect(licences == [.ccBy3, .cc0])
        #expect(backend.recordingCredits().conditions.hasPrefix("Attribution required"))
    }

    @Test func credits_list_each_file_with_author_source_licence_and_the_conditions() async throws {
        let dir = try RecordedTestSet.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let backend = RecordedBackend(directory: dir.path, policy: .any, seed: 3)
        _ = try await backend.sounds(
            for: RecordedTestSet.requests(.concrete, count: 4) + RecordedTestSet.requests(.gravel, count: 3))
        let credits = backend.recordingCredits()
        let text = credits.text(for: "walk")
        #expect(text.hasPrefix("Credits for the footstep sounds of walk (Footfall, backend recorded, --licence any)"))
        #expect(text.contains("Share-alike applies: 1 recording under CC BY-SA 3.0 was used (gravel)"))
        #expect(text.contains("--licence attribution (or cc0) to avoid this"))
        #expect(text.contains("Credit line: Footstep sounds: Grav (CC BY-SA 3.0), Hardy (CC BY 3.0), via Test steps."))
        #expect(text.contains("Recordings used: 3 files for 7 steps."))
        for (file, author, licence, steps) in [
            ("hard.1.ogg", "Hardy", "CC BY 3.0 (https://creativecommons.org/licenses/by/3.0/)", 2),
            ("hard.2.wav", "Hardy", "CC BY 3.0 (https://creativecommons.org/licenses/by/3.0/)", 2),
            ("gravel.ogg", "Grav", "CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/)", 3),
        ] {
            let block = try #require(text.components(separatedBy: "\n\n").first { $0.hasPrefix(file) }, "\(file)")
            #expect(block.contains("\(file) — \(file.hasPrefix("hard") ? "concrete" : "gravel"), \(steps) steps"))
            #expect(block.contains("  Author:  \(author)"))
            #expect(block.contains("  Source:  https://example.org/\(author)"))
            #expect(block.contains("  Licence: \(licence)"))
            #expect(block.contains("  From:    Test steps, the test"))
        }
        #expect(!text.contains("Sandy") && !text.contains("Glassy"))
        #expect(text.contains("Changes: each recording was cut into single steps"))
        #expect(text.contains("Made up for the tests."))
        #expect(text.contains("test-set/README.txt"))
    }

    @Test func conditions_for_each_strictest_licence() {
        let base = Recording(
            path: "/x/a.ogg", file: "a.ogg", surface: .sand, author: "A", source: "https://a", licence: .cc0,
            set: "s", setTitle: "S")
        var by = base
        by.licence = .ccBy3
        by.file = "b.ogg"
        by.surface = .wet
        #expect(RecordingCredits(uses: [], policy: .any).conditions.hasPrefix("No recordings were used"))
        let cc0 = RecordingCredits(uses: [.init(recording: base, steps: 2)], policy: .cc0)
        #expect(cc0.conditions.contains("not required"))
        let attribution = RecordingCredits(
            uses: [.init(recording: by, steps: 1), .init(recording: base, steps: 1)], policy: .attribution)
        #expect(attribution.conditions.hasPrefix("Attribution required: recordings under CC BY 3.0 were used (wet)"))
        #expect(attribution.uses.map(\.recording.file) == ["a.ogg", "b.ogg"])
    }
}
