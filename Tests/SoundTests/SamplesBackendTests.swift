import FootfallCore
import Foundation
import Testing

@testable import Sound

@Suite struct SamplesBackendTests {
    /// Tones that identify each recording after ±50 cents of variation.
    static let concreteTones = [300.0, 500.0, 800.0]
    static let gravelTones = [1300.0, 2000.0]

    /// A synthetic footstep: 30 ms of near-silence, then a click and a decaying tone.
    static func footstep(tone: Double, sampleRate: Int, channels: Int = 1) -> AudioBuffer {
        let rate = Double(sampleRate)
        let onset = Int(0.03 * rate)
        var x = [Float](repeating: 0, count: Int(0.4 * rate))
        for i in 0..<(x.count - onset) {
            let t = Double(i) / rate
            let click = i < Int(0.001 * rate) ? (i % 2 == 0 ? 0.5 : -0.5) * (1 - t / 0.001) : 0
            x[onset + i] = Float(click + 0.4 * sin(2 * Double.pi * tone * t) * exp(-t / 0.05))
        }
        return AudioBuffer(sampleRate: sampleRate, channels: Array(repeating: x, count: channels))
    }

    /// concrete/ with three 48 kHz recordings (one stereo), gravel/ with two at 44.1 kHz, a non-surface folder.
    static func makeFolder() throws -> URL {
        let dir = try TestWAV.temporaryDirectory("samples")
        let fm = FileManager.default
        for name in ["concrete", "gravel", "notes"] {
            try fm.createDirectory(at: dir.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        for (i, tone) in concreteTones.enumerated() {
            try TestWAV.write(
                footstep(tone: tone, sampleRate: 48_000, channels: i == 0 ? 2 : 1),
                to: dir.appendingPathComponent("concrete/step\(i).wav").path)
        }
        for (i, tone) in gravelTones.enumerated() {
            try TestWAV.write(
                footstep(tone: tone, sampleRate: 44_100), to: dir.appendingPathComponent("gravel/crunch\(i).wav").path)
        }
        try "not audio".write(
            to: dir.appendingPathComponent("concrete/readme.txt"), atomically: true, encoding: .utf8)
        return dir
    }

    /// The spectral peak above 200 Hz (parabolic interpolation between bins).
    static func peakFrequency(of sound: FootstepSound) -> Double {
        let mag = SignalMetrics.magnitudeSpectrum(sound.audio.channels[0])
        let binHz = Double(sound.audio.sampleRate) / Double((mag.count - 1) * 2)
        let lowest = Int(200 / binHz)
        let k = (lowest..<(mag.count - 1)).max { mag[$0] < mag[$1] } ?? lowest
        let (a, b, c) = (log(mag[k - 1]), log(mag[k]), log(mag[k + 1]))
        let offset = 0.5 * (a - c) / (a - 2 * b + c)
        return (Double(k) + (offset.isFinite ? offset : 0)) * binHz
    }

    /// Which recording a sound came from: the tone nearest its spectral peak.
    static func tone(of sound: FootstepSound, among tones: [Double]) -> Int {
        let f = peakFrequency(of: sound)
        return tones.indices.min { abs(log(tones[$0] / f)) < abs(log(tones[$1] / f)) } ?? 0
    }

    func requests(_ surface: SurfaceKind, count: Int) -> [SoundRequest] {
        (0..<count).map {
            SoundRequest(surface: surface, foot: $0 % 2 == 0 ? .left : .right, seed: UInt64($0) * 7919 + 1)
        }
    }

    @Test func round_robin_without_immediate_repeats_at_48k_with_transients() async throws {
        let dir = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let backend = SamplesBackend(directory: dir.path, seed: 3)
        #expect(backend.availability() == .ready)
        let sounds = try await backend.sounds(for: requests(.concrete, count: 12))
        let used = sounds.map { Self.tone(of: $0, among: Self.concreteTones) }
        for (a, b) in zip(used, used.dropFirst()) { #expect(a != b, "immediate repeat in \(used)") }
        for k in Self.concreteTones.indices { #expect(used.filter { $0 == k }.count == 4, "not round-robin: \(used)") }
        for s in sounds {
            #expect(s.audio.sampleRate == 48_000)
            #expect(s.audio.channelCount == 1)
            #expect(s.audio.peak <= 0.9)
            let samples = s.audio.channels[0]
            let peak = SignalMetrics.envelopeArgmax(samples, sampleRate: 48_000, range: 0..<samples.count)
            #expect(abs(peak - s.transientIndex) <= 4)
            // Trimmed: the 30 ms of silence before the click is cut to the 5 ms pre-roll.
            #expect(s.transientIndex < Int(0.012 * 48_000))
        }
        let again = try await SamplesBackend(directory: dir.path, seed: 3).sounds(for: requests(.concrete, count: 12))
        #expect(again == sounds)
    }

    @Test func resampled_recordings_keep_their_pitch_within_50_cents() async throws {
        let dir = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sounds = try await SamplesBackend(directory: dir.path).sounds(for: requests(.gravel, count: 6))
        let used = sounds.map { Self.tone(of: $0, among: Self.gravelTones) }
        #expect(used == [0, 1, 0, 1, 0, 1] || used == [1, 0, 1, 0, 1, 0], "\(used)")
        #expect(sounds.allSatisfy { $0.audio.sampleRate == 48_000 })
        // Recorded at 44.1 kHz: played at 48 kHz without conversion they would be 147 cents sharp.
        var detunes: Set<Int> = []
        for (s, k) in zip(sounds, used) {
            let cents = 1200 * log2(Self.peakFrequency(of: s) / Self.gravelTones[k])
            #expect(abs(cents) <= 55, "detuned by \(cents) cents")
            detunes.insert(Int(cents.rounded()))
        }
        #expect(detunes.count > 1, "no pitch variation")
    }

    @Test func missing_surface_falls_back_to_the_most_similar_with_a_warning() async throws {
        let dir = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let capture = LogCapture()
        let backend = SamplesBackend(directory: dir.path, logger: capture.logger)
        let tile = try await backend.sounds(for: requests(.tile, count: 3))
        #expect(tile.allSatisfy { Self.concreteTones.indices.contains(Self.tone(of: $0, among: Self.concreteTones)) })
        let grass = try await backend.sounds(for: requests(.grass, count: 2))
        let grassTones = Set(grass.map { Self.tone(of: $0, among: Self.concreteTones + Self.gravelTones) })
        #expect(grassTones.isSubset(of: [3, 4]), "grass should borrow gravel, got \(grassTones)")
        let warnings = capture.warnings
        #expect(warnings.contains { $0.contains("'tile'") && $0.contains("using 'concrete'") })
        #expect(warnings.contains { $0.contains("'grass'") && $0.contains("using 'gravel'") })
        #expect(warnings.filter { $0.contains("'tile'") }.count == 1, "one warning per missing surface")
        #expect(warnings.contains { $0.contains("notes") })
    }

    @Test func missing_or_empty_folders_are_unavailable_with_a_reason() async throws {
        let missing = SamplesBackend(directory: "/nonexistent/footfall-samples")
        guard case .unavailable(let reason) = missing.availability() else {
            Issue.record("missing folder should be unavailable")
            return
        }
        #expect(reason.contains("does not exist"))
        await #expect(throws: FootfallError.self) { try await missing.sounds(for: requests(.wood, count: 1)) }

        let empty = try TestWAV.temporaryDirectory("empty")
        defer { try? FileManager.default.removeItem(at: empty) }
        try FileManager.default.createDirectory(
            at: empty.appendingPathComponent("wood"), withIntermediateDirectories: true)
        guard case .unavailable(let emptyReason) = SamplesBackend(directory: empty.path).availability() else {
            Issue.record("empty folder should be unavailable")
            return
        }
        #expect(emptyReason.contains("no recordings"))
        #expect(SamplesBackend(directory: nil).availability() != .ready)
    }

    @Test func rotation_never_repeats_across_rounds() {
        for count in 2...5 {
            var rotation = SampleRotation(count: count, seed: 9, stream: UInt64(count))
            let picks = (0..<(count * 20)).map { _ in rotation.next() }
            for (a, b) in zip(picks, picks.dropFirst()) { #expect(a != b) }
            for round in stride(from: 0, to: picks.count, by: count) {
                #expect(Set(picks[round..<(round + count)]).count == count)
            }
        }
    }

    @Test func similarity_order_covers_every_surface_once() {
        for surface in SurfaceKind.allCases {
            let order = surface.similarSurfaces
            #expect(Set(order).count == SurfaceKind.allCases.count - 1)
            #expect(!order.contains(surface))
        }
        #expect(SurfaceKind.tile.similarSurfaces.first == .concrete)
    }
}
