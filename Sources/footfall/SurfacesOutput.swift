import FootfallCore
import Foundation
import Surface

/// How `footfall surfaces` prints its result.
enum SurfacesOutput {
    static func text(_ r: SurfaceReport, probes: Bool) -> String {
        var lines: [String] = []
        let p = String(format: "%.2f", r.scene.outdoorProbability)
        lines.append("scene: \(r.scene.scene.rawValue) (outdoor probability \(p))")
        if probes { lines.append("no steps given: judged from the bottom centre of the picture every second") }
        if r.segments.isEmpty { lines.append("no steps, no surfaces") }
        for s in r.segments {
            let who = s.walker.map { "walker \($0)" } ?? "all walkers"
            let n = r.steps.filter { SurfaceAssignment.segment(for: $0.time, walker: $0.walker, in: r.segments) == s }
                .count
            lines.append(
                String(
                    format: "%@  %6.2f–%6.2f s  %-8@ confidence %.2f  %@  (%d steps)", who, s.start, s.end,
                    s.surface, s.confidence, s.source.rawValue, n))
        }
        return lines.joined(separator: "\n")
    }

    struct Document: Encodable {
        var scene: SceneKind
        var outdoorProbability: Double
        var segments: [SurfaceSegment]
        var steps: [StepEvent]
        var warnings: [String]

        enum CodingKeys: String, CodingKey {
            case scene, segments, steps, warnings
            case outdoorProbability = "outdoor_probability"
        }
    }

    static func json(_ r: SurfaceReport) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        let doc = Document(
            scene: r.scene.scene, outdoorProbability: r.scene.outdoorProbability, segments: r.segments,
            steps: r.steps, warnings: r.warnings)
        return String(decoding: try e.encode(doc), as: UTF8.self)
    }
}
