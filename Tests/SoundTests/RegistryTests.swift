import FootfallCore
import Testing

@testable import Sound

@Suite struct RegistryTests {
    @Test func default_and_named_backends_are_built() throws {
        #expect(try SoundBackendRegistry.make(nil).name == "procedural")
        #expect(try SoundBackendRegistry.make("MOCK").name == "mock")
        #expect(SoundBackendRegistry.names.starts(with: ["procedural", "samples", "mock"]))
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
                "unknown backend 'runpd' — did you mean 'runpod'?; backends: procedural, samples, mock, recorded, runpod"
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
        #expect(listing.first { $0.name == "procedural" }?.isDefault == true)
        #expect(listing.first { $0.name == "mock" }?.availability == .ready)
        #expect(listing.first { $0.name == "broken" }?.availability == .unavailable("needs a key"))
        // No samples folder given: unavailable with a reason that says what to do.
        if case .unavailable(let reason) = listing.first(where: { $0.name == "samples" })?.availability {
            #expect(reason.contains("--samples-dir"))
        } else {
            Issue.record("samples without a folder should be unavailable")
        }
    }
}
