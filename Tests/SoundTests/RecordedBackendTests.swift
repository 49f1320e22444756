import FootfallCore
import Foundation
import Testing

@testable import Sound

@Suite struct RecordedBackendTests {
    @Test func rotates_a_surfaces_recordings_without_immediate_repeats_across_batches() async throws {
        let dir = try RecordedTestSet.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let backend = RecordedBackend(directory: dir.path, policy: .cc0, seed: 5)
        #expect(backend.availability() == .ready)
        let requests = RecordedTestSet.requests(.sand, count: 60)
        // As a render asks: in batches, the rotation running on from one to the next.
        var sounds: [FootstepSound] = []
        for start in stride(from: 0, to: requests.count, by: 16) {
            sounds += try await backend.sounds(for: Array(requests[start..<min(start + 16, requests.count)]))
        }
        let used = sounds.map { RecordedTestSet.tone(of: $0, among: RecordedTestSet.sandTones) }
        for (a, b) in zip(used, used.dropFirst()) { #expect(a != b, "immediate repeat in \(used)") }
        for k in RecordedTestSet.sandTones.indices { #expect(used.filter { $0 == k }.count >= 15, "\(used)") }
        let credits = backend.recordingCredits()
        #expect(credits.uses.map(\.steps).reduce(0, +) == 60)
        #expect(credits.uses.count == 3)
    }

    /// Two walkers side by side, their steps interleaved: each walker alternates the surface's two files (one
    /// rotation for everybody would give walker 1 every other file: the same one each time).
    @Test func each_walker_has_its_own_rotation_without_back_to_back_files() async throws {
        let dir = try RecordedTestSet.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let backend = RecordedBackend(directory: dir.path, policy: .any, seed: 9)
        let requests = RecordedTestSet.requests(.concrete, count: 40).enumerated().map { i, request in
            var r = request
            r.walker = i % 2 + 1
            return r
        }
        let sounds = try await backend.sounds(for: requests)
        let files = sounds.map { RecordedTestSet.tone(of: $0, among: RecordedTestSet.concreteTones) }
        for walker in [1, 2] {
            let mine = zip(requests, files).filter { $0.0.walker == walker }.map(\.1)
            #expect(mine.count == 20)
            for (a, b) in zip(mine, mine.dropFirst()) { #expect(a != b, "walker \(walker) repeats a file: \(mine)") }
        }
    }

    @Test func every_step_is_varied_and_the_same_seed_gives_the_same_steps() async throws {
        let dir = try RecordedTestSet.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let requests = RecordedTestSet.requests(.gravel, count: 12)
        let a = try await RecordedBackend(directory: dir.path, policy: .any, seed: 2).sounds(for: requests)
        let b = try await RecordedBackend(directory: dir.path, policy: .any, seed: 2).sounds(for: requests)
        #expect(a == b)
        // One recording, three slices: steps a round apart play the same slice, yet never sound identical.
        for (i, x) in a.enumerated() {
            for y in a[(i + 1)...] { #expect(x.audio != y.audio) }
        }
        for s in a {
            #expect(s.audio.sampleRate == 48_000 && s.audio.channelCount == 1)
            #expect(s.audio.peak > 0.1 && s.audio.peak <= pow(10, -1 / 20) + 1e-4)
        }
    }

    @Test func the_transient_lands_on_the_step_time_within_a_millisecond() async throws {
        let dir = try RecordedTestSet.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let backend = RecordedBackend(directory: dir.path, policy: .any, seed: 1)
        for surface in [SurfaceKind.concrete, .sand, .gravel] {
            let audition = try await AuditionRenderer(backend: backend).render(
                AuditionSettings(surface: surface, steps: 8, cadence: 2, seed: 4))
            let samples = audition.audio.channels[0]
            for time in audition.stepTimes {
                let center = Int((time * 48_000).rounded())
                let peak = SignalMetrics.envelopeArgmax(
                    samples, sampleRate: 48_000, range: (center - 2_000)..<(center + 2_000))
                #expect(abs(peak - center) <= 48, "\(surface): transient \(peak - center) samples off at \(time) s")
            }
        }
    }

    @Test func other_sample_rates_work_and_transients_stay_near_the_start() async throws {
        let dir = try RecordedTestSet.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let backend = RecordedBackend(directory: dir.path, policy: .attribution, seed: 1)
        var request = RecordedTestSet.requests(.concrete, count: 1)[0]
        request.sampleRate = 44_100
        let sound = try #require(try await backend.sounds(for: [request]).first)
        #expect(sound.audio.sampleRate == 44_100)
        // Pre-roll 5 ms, then the click: the transient within the first 12 ms.
        #expect(sound.transientIndex < Int(0.012 * 44_100))
    }

    @Test func a_missing_folder_is_unavailable_and_says_to_run_setup() async throws {
        let backend = RecordedBackend(directory: "/nonexistent/recordings")
        guard case .unavailable(let reason) = backend.availability() else {
            Issue.record("expected unavailable")
            return
        }
        #expect(reason.contains("make setup"))
        await #expect(throws: FootfallError.self) {
            try await backend.sounds(for: RecordedTestSet.requests(.sand, count: 1))
        }
    }

    @Test func the_registry_builds_it_with_the_licence_and_folder_options() throws {
        let dir = try RecordedTestSet.make()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = BackendConfig(
            environment: [:], options: [LicencePolicy.optionKey: "cc0", RecordingLibrary.optionKey: dir.path])
        let backend = try #require(try SoundBackendRegistry.make("recorded", config: config) as? RecordedBackend)
        #expect(backend.policy == .cc0)
        #expect(
            backend.installed == "concrete 2 (CC BY 3.0), gravel 1 (CC BY-SA 3.0), sand 3 (CC0 1.0)")
        #expect(backend.availability() == .ready)
        let env = BackendConfig(environment: [RecordingLibrary.environmentKey: dir.path])
        #expect(try SoundBackendRegistry.make("recorded", config: env).availability() == .ready)
        #expect(throws: FootfallError.self) {
            try SoundBackendRegistry.make(
                "recorded", config: BackendConfig(environment: [:], options: [LicencePolicy.optionKey: "cc-nc"]))
        }
    }
}
