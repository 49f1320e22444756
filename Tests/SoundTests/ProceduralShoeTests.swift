import FootfallCore
import Foundation
import Testing

@testable import Sound

/// Shoes on hard floors as the literature describes them: leather soles and heels click brighter than rubber
/// sneakers; a bare foot is a soft slap one hears, not a rumble below 50 Hz.
@Suite struct ProceduralShoeTests {
    static func median(_ surface: SurfaceKind, _ shoe: ShoeKind, _ measure: ([Float]) -> Double) throws -> Double {
        let values = try (1...8).map { seed in
            measure(
                try ProceduralBackend().sound(
                    for: SoundRequest(
                        surface: surface, shoe: shoe, foot: seed % 2 == 0 ? .left : .right, stepInterval: 0.55,
                        seed: UInt64(seed))
                ).audio.channels[0])
        }.sorted()
        return values[values.count / 2]
    }

    static func centroid(_ x: [Float]) -> Double { StepDescriptors.centroidBelow11k(x, sampleRate: 48_000) }

    /// Share of the energy in `band` (Hz).
    static func share(_ x: [Float], _ band: Range<Double>) -> Double {
        let mag = SignalMetrics.magnitudeSpectrum(x, hann: false)
        let binHz = 48_000.0 / Double((mag.count - 1) * 2)
        let total = mag.reduce(0) { $0 + $1 * $1 }
        let inBand = mag.enumerated().filter { band.contains(Double($0.offset) * binHz) }
            .reduce(0) { $0 + $1.element * $1.element }
        return total > 0 ? inBand / total : 0
    }

    /// The click of a hard sole or a heel tip: more of the step above 2 kHz than a rubber sole's.
    @Test(arguments: [SurfaceKind.concrete, .wood, .tile])
    func hard_soles_click_brighter_than_sneakers(surface: SurfaceKind) throws {
        let high = { (x: [Float]) in Self.share(x, 2_000..<24_000) }
        let sneaker = try Self.median(surface, .sneaker, high)
        for shoe in [ShoeKind.leather, .heels] {
            let brighter = try Self.median(surface, shoe, high)
            #expect(brighter > 1.5 * sneaker, "\(surface): \(shoe) \(brighter) above 2 kHz, sneaker \(sneaker)")
        }
    }

    @Test(arguments: [SurfaceKind.concrete, .wood, .metal, .tile])
    func a_bare_foot_is_heard_not_felt(surface: SurfaceKind) throws {
        #expect(try Self.median(surface, .barefoot, Self.centroid) > 250)
        for shoe in ShoeKind.allCases {
            let share = try Self.median(surface, shoe) { Self.share($0, 0..<50) }
            #expect(share < 0.1, "\(surface)/\(shoe): \(Int(share * 100)) % of the energy below 50 Hz")
        }
    }
}
