import FootfallCore
import Foundation

extension MarkerFormats {
    /// REAPER's Region/Marker Manager CSV (Export/Import in its context menu). Markers are `M<n>` rows with the
    /// position in Start and empty End and Length; times are `m:ss.mmm` (`h:mm:ss.mmm` from one hour), which
    /// REAPER reads when the ruler shows minutes:seconds. The parser also takes plain seconds.
    static func reaper(_ events: [StepEvent]) -> String {
        var out = "#,Name,Start,End,Length\n"
        for (i, e) in events.enumerated() {
            out += "M\(i + 1),\(quoted(label(for: e))),\(reaperTime(e.time)),,\n"
        }
        return out
    }

    static func reaperTime(_ t: Double) -> String {
        let ms = t.isFinite ? Int((min(max(t, 0), maxTime * 10) * 1000).rounded()) : 0
        let h = ms / 3_600_000
        let m = (ms / 60_000) % 60
        let s = (ms / 1000) % 60
        let frac = ms % 1000
        let tail = String(format: "%02d.%03d", s, frac)
        return h > 0 ? String(format: "%d:%02d:", h, m) + tail : "\(m):" + tail
    }

    /// Seconds from `h:mm:ss.fff`, `m:ss.fff` or `ss.fff`.
    static func parseClock(_ s: String) -> Double? {
        let parts = s.trimmingCharacters(in: .whitespaces).split(separator: ":").map(String.init)
        guard (1...3).contains(parts.count) else { return nil }
        var total = 0.0
        for p in parts {
            guard let v = Double(p), v >= 0 else { return nil }
            total = total * 60 + v
        }
        return total
    }

    static func parseReaper(_ text: String, frameRate: Double, warnings: inout [String]) throws -> [StepEvent] {
        var rows = lines(text).map(splitCSV)
        guard let header = rows.first, header.first?.trimmingCharacters(in: .whitespaces) == "#" else {
            throw FootfallError.badInput("not a REAPER marker CSV: the first line must be '#,Name,Start,End,Length'")
        }
        rows.removeFirst()
        var events: [StepEvent] = []
        for (n, row) in rows.enumerated() {
            guard row.count >= 3 else {
                throw FootfallError.badInput("REAPER marker CSV line \(n + 2) has fewer than 3 fields")
            }
            // Regions (R<n>) are spans, not hits; only markers are steps.
            guard row[0].trimmingCharacters(in: .whitespaces).uppercased().hasPrefix("M") else { continue }
            guard let time = parseClock(row[2]), isMarkerTime(time) else {
                throw FootfallError.badInput(
                    "REAPER marker CSV line \(n + 2): start '\(row[2].singleLine())' is not m:ss.mmm; set REAPER's ruler to "
                        + "Minutes:Seconds before exporting")
            }
            var event = StepEvent(time: time, frame: frame(time, frameRate), walker: 0, foot: .left, confidence: 1)
            apply(label: row[1], to: &event, place: "REAPER marker CSV line \(n + 2)", warnings: &warnings)
            events.append(event)
        }
        return events
    }
}
