import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@testable import Sound

/// Descriptors of one step, as issue 17's table measures them.
enum StepDescriptors {
    /// Seconds from the first to the last 5 ms RMS frame within 30 dB of the loudest.
    static func length30dB(_ x: [Float], sampleRate: Int) -> Double {
        let frame = sampleRate / 200
        let rms = stride(from: 0, to: x.count, by: frame).map { start -> Double in
            let end = min(x.count, start + frame)
            return (x[start..<end].reduce(0.0) { $0 + Double($1) * Double($1) } / Double(end - start)).squareRoot()
        }
        guard let peak = rms.max(), peak > 0 else { return 0 }
        let floor = peak * pow(10, -30 / 20)
        let first = rms.firstIndex { $0 >= floor } ?? 0
        let last = rms.lastIndex { $0 >= floor } ?? 0
        return Double(last - first + 1) * Double(frame) / Double(sampleRate)
    }

    /// Power-weighted mean frequency of the bins below 11 kHz, of the whole step (no window: a window centred on
    /// the step would weigh its tail and leave out the heel's attack at the start; bench/sound_descriptors.py
    /// measures it the same way).
    static func centroidBelow11k(_ x: [Float], sampleRate: Int) -> Double {
        let mag = SignalMetrics.magnitudeSpectrum(x, hann: false)
        let binHz = Double(sampleRate) / Double((mag.count - 1) * 2)
        var weighted = 0.0
        var total = 0.0
        for (k, m) in mag.enumerated() where Double(k) * binHz < 11_000 {
            weighted += Double(k) * binHz * m * m
            total += m * m
        }
        return total > 0 ? weighted / total : 0
    }
}

/// With the recordings setup installs (skipped without them): the real files through the whole backend.
@Suite(.enabled(if: InstalledRecordings.present)) struct RecordedInstalledTests {
    static let surfaces: [SurfaceKind] = [.concrete, .wood, .gravel, .grass, .sand, .snow, .metal, .wet]

    @Test(arguments: surfaces)
    func the_transient_of_each_real_step_lands_on_its_time(surface: SurfaceKind) async throws {
        let backend = RecordedBackend(directory: InstalledRecordings.directory, policy: .any, seed: 1)
        // A step every two seconds, so each step's excerpt holds all of it (a splash lasts up to 0.9 s) and
        // nothing of the one before.
        let audition = try await AuditionRenderer(backend: backend).render(
            AuditionSettings(surface: surface, steps: 8, cadence: 0.5, seed: 2))
        let samples = audition.audio.channels[0]
        let before = Int(0.2 * 48_000)
        for time in audition.stepTimes {
            let center = Int((time * 48_000).rounded())
            let end = min(samples.count, center + Int(1.7 * 48_000))
            let excerpt = AudioBuffer(channels: [Array(samples[max(0, center - before)..<end])])
            // The transient as every backend defines it (TransientFinder), found again in the rendered track.
            let found = TransientFinder.transientIndex(in: excerpt)
            #expect(abs(found - before) <= 48, "\(surface): transient \(found - before) samples off at \(time) s")
        }
        #expect(Set(backend.recordingCredits().uses.map(\.recording.surface)) == [surface])
    }

    /// Rendered steps stay inside the range of the recorded steps they come from (the variation is a nuance, not
    /// a new material): length to −30 dB and centroid below 11 kHz within the range of the recordings' steps
    /// (each file cut at its transients, untouched otherwise), ±30 %.
    @Test(arguments: surfaces)
    func rendered_steps_keep_the_recordings_length_and_brightness(surface: SurfaceKind) async throws {
        let directory = try #require(InstalledRecordings.directory)
        let library = try RecordingLibrary(directory: directory)
        let files = library.recordings.filter { $0.surface == surface }
        let raw = try RecordedState().locked { state in
            try state.slices(of: files, sampleRate: 48_000, slicer: StepSlicer()).map(\.samples)
        }
        let lengths = raw.map { StepDescriptors.length30dB($0, sampleRate: 48_000) }
        let centroids = raw.map { StepDescriptors.centroidBelow11k($0, sampleRate: 48_000) }
        let backend = RecordedBackend(directory: directory, policy: .any, seed: 3)
        let sounds = try await backend.sounds(for: RecordedTestSet.requests(surface, count: 16))
        var lines: [String] = []
        for sound in sounds {
            let x = sound.audio.channels[0]
            let length = StepDescriptors.length30dB(x, sampleRate: 48_000)
            let centroid = StepDescriptors.centroidBelow11k(x, sampleRate: 48_000)
            lines.append(String(format: "%.0f ms %.0f Hz", length * 1000, centroid))
            #expect(length >= lengths.min()! * 0.7 && length <= lengths.max()! * 1.3, "\(surface) \(lines.last!)")
            #expect(
                centroid >= centroids.min()! * 0.7 && centroid <= centroids.max()! * 1.3, "\(surface) \(lines.last!)")
        }
        if let dir = ProcessInfo.processInfo.environment["FOOTFALL_SOUND_DEVDIR"] {
            let files = String(
                format: "recorded steps %.0f–%.0f ms, %.0f–%.0f Hz", lengths.min()! * 1000, lengths.max()! * 1000,
                centroids.min()!, centroids.max()!)
            let summary = "\(surface.rawValue)\t\(files)\trendered " + lines.joined(separator: ", ") + "\n"
            try summary.write(toFile: "\(dir)/recorded-\(surface.rawValue).txt", atomically: true, encoding: .utf8)
        }
    }
}
