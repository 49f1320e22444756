import FootfallCore
import Testing

@testable import Sound

@Test func mock_sounds_peak_exactly_at_their_transient() async throws {
    let requests = [Foot.left, .right].map { SoundRequest(surface: .gravel, foot: $0, seed: 1) }
    let sounds = try await MockBackend().sounds(for: requests)
    #expect(sounds.count == 2)
    for s in sounds {
        #expect(s.audio.sampleRate == 48_000)
        #expect(s.transientIndex == 240)
        let samples = s.audio.channels[0]
        let peak = SignalMetrics.envelopeArgmax(samples, sampleRate: 48_000, range: 0..<samples.count)
        #expect(abs(peak - s.transientIndex) <= 3)
        #expect(s.audio.peak < 1)
    }
    #expect(sounds[0].audio.peak != sounds[1].audio.peak)
    let again = try await MockBackend().sounds(for: requests)
    #expect(again == sounds)
}
