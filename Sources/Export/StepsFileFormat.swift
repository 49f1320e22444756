import Foundation

/// The files `render --steps` reads: Footfall's steps JSON (also written by hand), a plain CSV, and the marker
/// and interchange files a render writes, after they were edited elsewhere.
public enum StepsFileFormat: String, Sendable, CaseIterable {
    case json, csv, audacity, reaper, edl, midi, otio

    /// Decided by content first (a renamed file still reads), the extension only where content cannot tell.
    public static func detect(path: String, data: Data) -> StepsFileFormat {
        if data.starts(with: Array("MThd".utf8)) { return .midi }
        let text = String(decoding: data.prefix(65_536), as: UTF8.self)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}").union(.whitespacesAndNewlines))
        if text.hasPrefix("{") {
            return text.contains("\"OTIO_SCHEMA\"") ? .otio : .json
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        if firstLine.hasPrefix("#,") || firstLine.hasPrefix("#\t") { return .reaper }
        if firstLine.hasPrefix("TITLE:") || firstLine.hasPrefix("FCM:") { return .edl }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if ext == "edl" { return .edl }
        let cells = firstLine.split(separator: "\t", omittingEmptySubsequences: false)
        if cells.count >= 2, Double(cells[0].trimmingCharacters(in: .whitespaces)) != nil { return .audacity }
        return .csv
    }
}
