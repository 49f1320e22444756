import Foundation

/// A small, committed piece of a CMU clip for tests that must run without the BVH files: the `BodyPoint`
/// positions (already levelled, heel and head-front included) at `sampleRate`, in whole millimetres, plus the
/// clip's contacts in file time.
///
/// `tracks` holds one array per point and axis (point-major: x, y, z of `points[0]`, then `points[1]`…); each
/// array is its first value followed by sample-to-sample differences, which keeps walking data to 1–3 digits a
/// number.
public struct MocapFixture: Codable, Sendable, Equatable {
    public static let formatName = "footfall-mocap-fixture/1"

    public var format: String
    /// BVH file it came from, e.g. "cmu_07_06.bvh".
    public var source: String
    public var sampleRate: Double
    /// File time of the first sample, seconds.
    public var startTime: Double
    public var points: [String]
    public var frames: Int
    public var tracks: [[Int]]
    public var contacts: ContactTruth

    enum CodingKeys: String, CodingKey {
        case format, source, points, frames, tracks, contacts
        case sampleRate = "sample_rate"
        case startTime = "start_time"
    }

    /// From a clip (decimate and excerpt it first); positions rounded to millimetres.
    public init(clip: MocapClip, source: String) {
        format = Self.formatName
        self.source = source
        sampleRate = (1 / clip.sampleInterval).rounded()
        startTime = (clip.startTime * 10000).rounded() / 10000
        points = BodyPoint.allCases.map(\.key)
        frames = clip.samples.count
        var tracks: [[Int]] = []
        for p in BodyPoint.allCases {
            for axis in 0..<3 {
                var previous = 0
                var track: [Int] = []
                track.reserveCapacity(clip.samples.count)
                for s in clip.samples {
                    let v = s[p.rawValue]
                    let mm = Int(((axis == 0 ? v.x : axis == 1 ? v.y : v.z) * 1000).rounded())
                    track.append(mm - previous)
                    previous = mm
                }
                tracks.append(track)
            }
        }
        self.tracks = tracks
        contacts = clip.contacts
    }

    public func clip() throws -> MocapClip {
        guard format == Self.formatName else { throw MocapError.malformedFixture("format \(format)") }
        guard sampleRate > 0, frames > 1, tracks.count == 3 * points.count, tracks.allSatisfy({ $0.count == frames })
        else { throw MocapError.malformedFixture("\(source): sizes do not agree") }
        var samples = [[Vec3]](repeating: [Vec3](repeating: .zero, count: BodyPoint.count), count: frames)
        for p in BodyPoint.allCases {
            guard let column = points.firstIndex(of: p.key) else { throw MocapError.missingJoint(p.key) }
            var value = [0, 0, 0]
            for f in 0..<frames {
                for axis in 0..<3 { value[axis] += tracks[3 * column + axis][f] }
                samples[f][p.rawValue] = Vec3(Double(value[0]), Double(value[1]), Double(value[2])) * 0.001
            }
        }
        let name = source.replacingOccurrences(of: ".bvh", with: "")
        return MocapClip(
            name: name, category: ClipCategory.of(clip: name) ?? .normalWalk, sampleInterval: 1 / sampleRate,
            startTime: startTime, samples: samples, contacts: contacts)
    }

    /// JSON with one track per line (small, diffable); `JSONDecoder` reads it back.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json<T: Encodable>(_ v: T) throws -> String { String(decoding: try encoder.encode(v), as: UTF8.self) }
        var lines = ["{"]
        lines.append("  \"format\": \(try json(format)),")
        lines.append("  \"source\": \(try json(source)),")
        lines.append("  \"sample_rate\": \(try json(sampleRate)),")
        lines.append("  \"start_time\": \(try json(startTime)),")
        lines.append("  \"frames\": \(frames),")
        lines.append("  \"contacts\": \(try json(contacts)),")
        lines.append("  \"points\": \(try json(points)),")
        lines.append("  \"tracks\": [")
        for (i, t) in tracks.enumerated() {
            lines.append("    \(try json(t))\(i + 1 < tracks.count ? "," : "")")
        }
        lines.append("  ]")
        lines.append("}")
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    public static func load(_ url: URL) throws -> MocapClip {
        try JSONDecoder().decode(MocapFixture.self, from: Data(contentsOf: url)).clip()
    }

    /// Every `*.json` fixture in a folder, sorted by name.
    public static func loadAll(directory: URL) throws -> [MocapClip] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { try load(directory.appendingPathComponent($0)) }
    }
}
