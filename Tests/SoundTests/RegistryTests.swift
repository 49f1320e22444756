import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import Sound

@Suite struct RegistryTests {
    @Test func default_and_named_backends_are_built() throws {
        #expect(try SoundBackendRegistry.make(nil).name == "recorded")
        #expect(try SoundBackendRegistry.make("MOCK").name == "mock")
        #expect(SoundBackendRegistry.names.starts(with: ["recorded", "procedural", "samples", "mock"]))
    }

    @Test func unknown_name_suggests_the_closest() {
        #expect(throws: FootfallError.self) { try SoundBackendRegistry.make("procedual") }
        do {
            _ = try SoundBackendRegistry.make("procedual")
        } catch let error as FootfallError {
            guard case .usage(let message) = error else {
                Issue.record("expected a usage error")
                return
            }
            #expect(message.contains("did you mean 'procedural'?"))
            #expect(message.contains("mock"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func extra_factories_register_and_suggest() throws {
        let remote = SoundBackendFactory(name: "runpod", summary: "remote") { _ in MockBackend() }
        let factories = SoundBackendRegistry.factories.filter { $0.name != "runpod" } + [remote]
        #expect(try SoundBackendRegistry.make("runpod", in: factories).name == "mock")
        #expect(
            throws: FootfallError.usage(
                "unknown backend 'runpd' — did you mean 'runpod'?; backends: recorded, procedural, samples, mock, runpod"
                    + " (see 'footfall backends')")
        ) {
            try SoundBackendRegistry.make("runpd", in: factories)
        }
    }

    @Test func listing_reports_availability_and_build_failures() {
        struct Broken: Error, CustomStringConvertible { var description: String { "needs a key" } }
        let broken = SoundBackendFactory(name: "broken", summary: "fails") { _ in throw Broken() }
        let listing = SoundBackendRegistry.listing(
            config: BackendConfig(environment: [:]), in: SoundBackendRegistry.factories + [broken])
        #expect(listing.first { $0.name == "procedural" }?.availability == .ready)
        #expect(listing.first { $0.name == "recorded" }?.isDefault == true)
        #expect(listing.filter(\.isDefault).count == 1)
        #expect(listing.first { $0.name == "mock" }?.availability == .ready)
        #expect(listing.first { $0.name == "broken" }?.availability == .unavailable("needs a key"))
        // No samples folder given: unavailable with a reason that says what to do.
        if case .unavailable(let reason) = listing.first(where: { $0.name == "samples" })?.availability {
            #expect(reason.contains("--samples-dir"))
        } else {
            Issue.record("samples without a folder should be unavailable")
        }
    }

    /// The default without its recordings (a fresh clone before `make setup`): procedural sounds and a warning that
    /// says how to install them; asked not to fall back, an error with the same reason.
    @Test func recorded_without_recordings_falls_back_to_procedural_with_a_warning() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-recordings-\(UUID())").path
        let config = BackendConfig(environment: [:], options: [RecordingLibrary.optionKey: missing])
        let resolved = try SoundBackendRegistry.resolve(nil, config: config)
        #expect(resolved.backend.name == "procedural")
        let warning = try #require(resolved.warning)
        #expect(warning.contains("recorded") && warning.contains("make setup") && warning.contains(missing))

        var strict = config
        strict.options["no_fallback"] = "true"
        do {
            _ = try SoundBackendRegistry.resolve("recorded", config: strict)
            Issue.record("no_fallback should refuse to stand in")
        } catch let error as FootfallError {
            guard case .usage(let message) = error else {
                Issue.record("expected a usage error: \(error)")
                return
            }
            #expect(message.contains("make setup") && message.contains("--no-fallback"))
        }
    }

    @Test func a_backend_the_user_set_up_wrong_is_an_error_not_a_fallback() throws {
        #expect(throws: FootfallError.self) {
            try SoundBackendRegistry.resolve("samples", config: BackendConfig(environment: [:]))
        }
        let ready = try SoundBackendRegistry.resolve("procedural", config: BackendConfig(environment: [:]))
        #expect(ready.backend.name == "procedural" && ready.warning == nil)
    }

    @Test(.enabled(if: InstalledRecordings.present)) func recorded_with_its_recordings_is_used_as_it_is() throws {
        let config = BackendConfig(
            environment: [:], options: [RecordingLibrary.optionKey: InstalledRecordings.directory ?? ""])
        let resolved = try SoundBackendRegistry.resolve(nil, config: config)
        #expect(resolved.backend.name == "recorded" && resolved.warning == nil)
    }

    /// `footfall backends` says what the recorded backend has: how many recordings per surface, their licences.
    @Test(.enabled(if: InstalledRecordings.present)) func the_listing_says_what_recordings_are_installed() throws {
        let config = BackendConfig(
            environment: [:], options: [RecordingLibrary.optionKey: InstalledRecordings.directory ?? ""])
        let recorded = try #require(SoundBackendRegistry.listing(config: config).first { $0.name == "recorded" })
        let inventory = try #require(recorded.inventory)
        for part in ["gravel", "wood", "concrete", "CC BY", "CC0", InstalledRecordings.directory ?? ""] {
            #expect(inventory.contains(part), "\(inventory)")
        }
        #expect(SoundBackendRegistry.listing(config: config).first { $0.name == "procedural" }?.inventory == nil)
    }
}
