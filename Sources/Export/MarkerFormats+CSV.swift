import FootfallCore
import Foundation

extension MarkerFormats {
    static let csvHeader = "time,frame,walker,foot,confidence,method,surface"

    static func csv(_ events: [StepEvent]) -> String {
        var out = csvHeader + "\n"
        for e in events {
            let fields = [
                fixed(e.time, 6), "\(e.frame)", "\(e.walker)", e.foot.rawValue, fixed(e.confidence, 3),
                quoted(e.method ?? ""), quoted(e.surface ?? ""),
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    static func parseCSV(_ text: String, frameRate: Double) throws -> [StepEvent] {
        var rows = lines(text).map(splitCSV)
        guard let header = rows.first else { return [] }
        let names = header.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        guard let ti = names.firstIndex(of: "time") else {
            throw FootfallError.badInput("marker CSV has no 'time' column; expected header: \(csvHeader)")
        }
        func column(_ n: String) -> Int? { names.firstIndex(of: n) }
        rows.removeFirst()
        return try rows.enumerated().map { n, row in
            func field(_ i: Int?) -> String? {
                guard let i, i < row.count else { return nil }
                let v = row[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            guard let time = field(ti).flatMap(Double.init), isMarkerTime(time) else {
                let text = (field(ti) ?? "").singleLine()
                throw FootfallError.badInput(
                    "marker CSV line \(n + 2): time '\(text)' is not seconds between 0 and \(Int(maxTime))")
            }
            let foot = field(column("foot")).flatMap { Foot(rawValue: $0.lowercased()) } ?? .left
            return StepEvent(
                time: time, frame: field(column("frame")).flatMap { Int($0) } ?? frame(time, frameRate),
                walker: field(column("walker")).flatMap { Int($0) } ?? 0, foot: foot,
                confidence: field(column("confidence")).flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } ?? 1,
                kind: .heelStrike,
                method: field(column("method")), surface: field(column("surface")))
        }
    }

    static func quoted(_ s: String) -> String {
        s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// Splits one CSV line (RFC 4180 quoting).
    static func splitCSV(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" {
                        current.append("\"")
                        chars.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}
