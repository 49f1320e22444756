import Foundation
import MocapSimulation

/// `--write-fixtures DIR`: the committed test fixtures, reproducibly from the BVH files (60 Hz, millimetres).
enum FixtureWriter {
    /// (clip, file-time window or nil for the whole clip). The negative's window holds 02_05's repeated heel
    /// lifts and weight shifts (the hard part of a non-walking clip).
    static let pieces: [(String, ClosedRange<Double>?)] = [
        ("cmu_07_06", nil), ("cmu_05_01", nil), ("cmu_08_04", nil), ("cmu_02_05", 4.0...12.0),
    ]

    static func write(to directory: URL, mocap: URL) async throws -> [String] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let clips = try await ClipLibrary.load(directory: mocap, only: pieces.map(\.0))
        var report: [String] = []
        for (name, window) in pieces {
            guard var clip = clips.first(where: { $0.name == name }) else { throw MocapError.unknownClip(name) }
            if let window { clip = clip.excerpt(from: window.lowerBound, to: window.upperBound) }
            clip = clip.decimated(by: max(1, Int((1.0 / 60 / clip.sampleInterval).rounded())))
            let fixture = MocapFixture(clip: clip, source: name + ".bvh")
            let data = try fixture.encoded()
            let url = directory.appendingPathComponent(name + ".json")
            try data.write(to: url, options: .atomic)
            report.append(
                String(
                    format: "%@: %d samples at %.0f Hz from %.3f s, %d kB", url.lastPathComponent, fixture.frames,
                    fixture.sampleRate, fixture.startTime, data.count / 1024))
        }
        return report
    }
}
