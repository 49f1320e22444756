import FootfallCore
import Foundation

/// What a steps file gave: the document to render and what was guessed or left out.
public struct StepsFileContents: Sendable {
    public var document: StepsDocument
    public var format: StepsFileFormat
    public var warnings: [String]
}

/// Reads any `StepsFileFormat` into a steps document. Fields a file does not carry get defaults (walker 0, left
/// foot, confidence 1, surface from the surface stage); a surface named per step in a file without a `surfaces`
/// list is kept, as an override for that step alone.
public enum StepsFileReader {
    public static func read(path: String, frameRate: Double) throws -> StepsFileContents {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FootfallError.badInput("cannot read steps file \(path): check the path")
        }
        return try parse(data, source: path, frameRate: frameRate)
    }

    public static func parse(_ data: Data, source: String, frameRate: Double) throws -> StepsFileContents {
        let format = StepsFileFormat.detect(path: source, data: data)
        var warnings: [String] = []
        var document: StepsDocument
        let text = { String(decoding: data, as: UTF8.self) }
        switch format {
        case .json:
            document = try StepsDocument.decode(from: data, source: source)
        case .csv:
            let table = try StepsCSV.parse(text(), source: source, frameRate: frameRate)
            document = StepsDocument(video: .unknown, steps: table.steps)
        case .audacity, .reaper, .edl:
            let marker: MarkerFormat = format == .audacity ? .audacity : format == .reaper ? .reaper : .edl
            let events = try MarkerFormats.parse(text(), format: marker, frameRate: frameRate, warnings: &warnings)
            document = StepsDocument(video: .unknown, steps: events)
        case .midi:
            document = StepsDocument(
                video: .unknown, steps: try StepsMIDI.parse(data, source: source, frameRate: frameRate))
        case .otio:
            document = StepsDocument(
                video: .unknown, steps: try StepsOTIO.parse(data, source: source, frameRate: frameRate))
        }
        if format != .json { splitToeOffs(&document) }
        if document.surfaces == nil { document.surfaces = perStepSurfaces(document.steps) }
        document.steps.sort { ($0.time, $0.walker) < ($1.time, $1.walker) }
        if document.steps.isEmpty { warnings.append("\(source) has no steps: the sound track will be silent") }
        return StepsFileContents(document: document, format: format, warnings: condensed(warnings))
    }

    /// Markers labelled `toe` are toe-offs, which make no sound of their own.
    static func splitToeOffs(_ document: inout StepsDocument) {
        let toeOffs = document.steps.filter { $0.kind == .toeOff }
        guard !toeOffs.isEmpty else { return }
        document.steps.removeAll { $0.kind == .toeOff }
        document.toeOffs = (document.toeOffs ?? []) + toeOffs
    }

    /// The surface stage assigns every step; a surface the file names for a step wins over it for that step.
    static func perStepSurfaces(_ steps: [StepEvent]) -> [SurfaceSegment]? {
        let named = steps.compactMap { step in
            step.surface.flatMap { try? SurfaceKind.parse($0) }.map {
                SurfaceSegment(
                    walker: step.walker, start: max(step.time - 0.001, 0), end: step.time + 0.001,
                    surface: $0.rawValue, confidence: 1, source: .override)
            }
        }
        return named.isEmpty ? nil : named
    }

    /// A file of hand-typed labels can warn on every line; a few say enough.
    static func condensed(_ warnings: [String]) -> [String] {
        guard warnings.count > 3 else { return warnings }
        return Array(warnings.prefix(3)) + ["… and \(warnings.count - 3) more labels like these"]
    }
}
