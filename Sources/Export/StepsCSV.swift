import FootfallCore
import Foundation

/// A steps table written by hand or by a spreadsheet: `time,foot[,walker,surface,shoe]`, one step a line. The
/// header is optional; with one, columns may come in any order and the marker CSV's other columns (`frame`,
/// `confidence`, `method`) are read too.
enum StepsCSV {
    static let defaultColumns = ["time", "foot", "walker", "surface", "shoe"]
    static let knownColumns = Set(defaultColumns + ["frame", "confidence", "method", "kind"])

    struct Result {
        /// Each with the `shoe` column's value, checked, as its own shoe.
        var steps: [StepEvent]
    }

    static func parse(_ text: String, source: String, frameRate: Double) throws -> Result {
        var rows = MarkerFormats.lines(text).enumerated().map {
            (line: $0.offset + 1, fields: MarkerFormats.splitCSV($0.element))
        }
        guard let first = rows.first else { return Result(steps: []) }
        let firstCell = first.fields[0].trimmingCharacters(in: .whitespaces)
        var columns = defaultColumns
        if Double(firstCell) == nil {
            columns = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard columns.contains("time"), columns.contains("foot") || columns.contains("frame") else {
                throw FootfallError.badInput(
                    "\(source) line 1: a header needs 'time' and 'foot' columns (got '\(columns.joined(separator: ",").singleLine(limit: 80))'); "
                        + "write 'time,foot[,walker,surface,shoe]' or leave the header out")
            }
            rows.removeFirst()
        }
        var steps: [StepEvent] = []
        for row in rows {
            func field(_ name: String) -> String? {
                guard let i = columns.firstIndex(of: name), i < row.fields.count else { return nil }
                let v = row.fields[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            func bad(_ name: String, _ why: String) -> FootfallError {
                .badInput("\(source) line \(row.line), field '\(name)': \(why)")
            }
            guard let text = field("time"), let time = Double(text), MarkerFormats.isMarkerTime(time) else {
                throw bad("time", "'\((field("time") ?? "").singleLine(limit: 40))' is not seconds ≥ 0, e.g. 1.25")
            }
            var step = StepEvent(
                time: time, frame: MarkerFormats.frame(time, frameRate), walker: 0, foot: .left, confidence: 1,
                method: "manual")
            if let text = field("foot") {
                guard let foot = footNamed(text) else {
                    throw bad("foot", "'\(text.singleLine(limit: 40))' is not left or right (L/R)")
                }
                step.foot = foot
            } else if !columns.contains("foot") {
                step.foot = (steps.last?.foot ?? .right).other
            } else {
                throw bad("foot", "missing; write left or right")
            }
            if let text = field("walker") {
                guard let w = Int(text), w >= 0 else {
                    throw bad("walker", "'\(text.singleLine(limit: 40))' is not a whole number ≥ 0")
                }
                step.walker = w
            }
            if let text = field("surface") {
                do {
                    step.surface = try SurfaceKind.parse(text).rawValue
                } catch let error as FootfallError {
                    throw bad("surface", error.description)
                }
            }
            if let text = field("shoe") {
                do {
                    step.shoe = try ShoeKind.parse(text).rawValue
                } catch let error as FootfallError {
                    throw bad("shoe", error.description)
                }
            }
            if let text = field("frame"), let f = Int(text), f >= 0 { step.frame = f }
            if let text = field("confidence") {
                guard let c = Double(text), c.isFinite else {
                    throw bad("confidence", "'\(text.singleLine(limit: 40))' is not a number 0–1")
                }
                step.confidence = min(max(c, 0), 1)
            }
            if let method = field("method") { step.method = method }
            if let kind = field("kind"), kind.lowercased().hasPrefix("toe") { step.kind = .toeOff }
            steps.append(step)
        }
        return Result(steps: steps)
    }

    static func footNamed(_ text: String) -> Foot? {
        switch text.lowercased() {
        case "l", "left": return .left
        case "r", "right": return .right
        default: return nil
        }
    }
}
