import FootfallCore
import Testing

@testable import Sound

@Test func audition_places_each_transient_on_its_step_time() async throws {
    let settings = AuditionSettings(surface: .wood, shoe: .boots, steps: 4, cadence: 2, seed: 3)
    let audition = try await AuditionRenderer(backend: MockBackend()).render(settings)
    #expect(audition.stepTimes.count == 4)
    #expect(audition.audio.sampleRate == 48_000)
    let samples = audition.audio.channels[0]
    for time in audition.stepTimes {
        let center = Int(time * 48_000)
        let peak = SignalMetrics.envelopeArgmax(samples, sampleRate: 48_000, range: (center - 2000)..<(center + 2000))
        #expect(abs(peak - center) <= 3)
    }
}

@Test func audition_of_every_surface_stays_below_full_scale() async throws {
    let renderer = AuditionRenderer(backend: ProceduralBackend())
    for surface in SurfaceKind.allCases {
        let audition = try await renderer.render(AuditionSettings(surface: surface, shoe: .boots, steps: 3, cadence: 3))
        #expect(audition.audio.peak < 1)
        #expect(audition.audio.peak > 0.05)
    }
    await #expect(throws: FootfallError.self) {
        try await renderer.render(AuditionSettings(surface: .wood, steps: 0))
    }
}
