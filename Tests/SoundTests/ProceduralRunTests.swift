import FootfallCore
import Foundation
import Testing

@testable import Sound

/// A run sounds like a run: the forefoot lands first, harder and shorter, and the heel drops lightly right after.
@Suite struct ProceduralRunTests {
    static func step(_ surface: SurfaceKind, interval: Double, intensity: Double, seed: UInt64) throws -> [Float] {
        try ProceduralBackend().sound(
            for: SoundRequest(
                surface: surface, foot: .left, intensity: intensity, stepInterval: interval, seed: seed)
        ).audio.channels[0]
    }

    @Test(arguments: [SurfaceKind.concrete, .wood, .tile])
    func a_run_is_shorter_brighter_and_its_second_contact_closer(surface: SurfaceKind) throws {
        var lengths: [(walk: Double, run: Double)] = []
        var centroids: [(walk: Double, run: Double)] = []
        for seed: UInt64 in 1...6 {
            let walk = try Self.step(surface, interval: 0.55, intensity: 0.5, seed: seed)
            let run = try Self.step(surface, interval: 0.3, intensity: 1, seed: seed)
            lengths.append(
                (
                    StepDescriptors.length30dB(walk, sampleRate: 48_000),
                    StepDescriptors.length30dB(run, sampleRate: 48_000)
                ))
            centroids.append(
                (
                    StepDescriptors.centroidBelow11k(walk, sampleRate: 48_000),
                    StepDescriptors.centroidBelow11k(run, sampleRate: 48_000)
                ))
            // The second contact, where both show one (a ringing floor can hide it): closer at a run.
            if let w = HeelToeRetiming.contacts(in: walk, sampleRate: 48_000),
                let r = HeelToeRetiming.contacts(in: run, sampleRate: 48_000)
            {
                #expect(r.toe - r.heel < w.toe - w.heel, "\(surface) \(seed): gap walk \(w), run \(r)")
            }
        }
        let median = { (x: [Double]) in x.sorted()[x.count / 2] }
        #expect(median(lengths.map(\.run)) < median(lengths.map(\.walk)), "\(surface): lengths \(lengths)")
        #expect(median(centroids.map(\.run)) > median(centroids.map(\.walk)), "\(surface): centroids \(centroids)")
    }

    @Test func a_walk_is_unchanged_by_the_run_model() {
        #expect(StepExcitation.runShare(stepInterval: nil) == 0)
        #expect(StepExcitation.runShare(stepInterval: 0.55) == 0)
        #expect(StepExcitation.runShare(stepInterval: 0.45) == 0)
        #expect(StepExcitation.runShare(stepInterval: 0.3) == 1)
        #expect(abs(StepExcitation.runShare(stepInterval: 0.39) - 0.5) < 1e-9)
    }
}
