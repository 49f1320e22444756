import FootfallCore
import Foundation
import Logging
import Testing

@testable import Sound

/// Dev check: with FOOTFALL_SOUND_DEVDIR set, logs centroid, −20 dB decay and spectral peakiness per surface and
/// shoe (the figures behind the listening report) and checks they are finite. Skipped otherwise.
@Test(.enabled(if: ProcessInfo.processInfo.environment["FOOTFALL_SOUND_DEVDIR"] != nil))
func logSurfaceMetrics() throws {
    var lines: [String] = []
    for shoe in ShoeKind.allCases {
        for surface in SurfaceKind.allCases {
            let sounds = try (0..<5).map {
                try ProceduralBackend().sound(
                    for: SoundRequest(surface: surface, shoe: shoe, foot: .left, seed: UInt64($0)))
            }
            let centroid = sounds.map { SignalMetrics.spectralCentroid($0.audio) }.reduce(0, +) / 5
            let decay = sounds.map { SignalMetrics.decayTime20dB($0.audio) }.reduce(0, +) / 5
            let peakiness = sounds.map { SignalMetrics.spectralPeakiness($0.audio) }.reduce(0, +) / 5
            // How far the heel peak lies after the sound's onset (−20 dB): how early the sound starts when the
            // mixer puts the peak on the step time.
            let attack =
                sounds.map { s -> Double in
                    let onset = TransientFinder.onset(in: TransientFinder.envelope(s.audio)) ?? s.transientIndex
                    return Double(s.transientIndex - onset) / 48
                }.reduce(0, +) / 5
            #expect(centroid.isFinite && decay.isFinite && peakiness.isFinite)
            lines.append(
                "\(shoe.rawValue)\t\(surface.rawValue)\tcentroid \(Int(centroid)) Hz\tdecay20 \(Int(decay * 1000)) ms"
                    + "\tpeakiness \(Int(peakiness))\tonset-to-peak \(String(format: "%.1f", attack)) ms")
        }
    }
    let dir = ProcessInfo.processInfo.environment["FOOTFALL_SOUND_DEVDIR"]!
    try lines.joined(separator: "\n").write(toFile: "\(dir)/metrics.tsv", atomically: true, encoding: .utf8)
}
