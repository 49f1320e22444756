import FootfallCore
import Foundation

/// Marker/label file formats for DAWs and editors: one marker per heel strike.
public enum MarkerFormat: String, Sendable, CaseIterable {
    /// `time,frame,walker,foot,confidence,method,surface` with a header line.
    case csv
    /// Audacity label track: `start<TAB>end<TAB>label`, seconds with 6 decimals (File › Import › Labels).
    case audacity
    /// REAPER Region/Marker Manager CSV: `#,Name,Start,End,Length`, markers `M1…` with empty End/Length.
    case reaper
    /// CMX3600 edit decision list, one one-frame audio event per step, timecode at the video frame rate.
    case edl

    public var fileExtension: String {
        switch self {
        case .csv: return "markers.csv"
        case .audacity: return "audacity.txt"
        case .reaper: return "reaper.csv"
        case .edl: return "edl"
        }
    }
}

/// Writers and parsers for `MarkerFormat`. Writers are pure (text in, text out); callers write files atomically.
/// Parsers accept what the writers produce and what the DAWs export, so markers edited in a DAW can come back.
public enum MarkerFormats {
    /// Text of `events` (sorted by time) in `format`. `frameRate` sets EDL timecode; `title` names the EDL.
    public static func write(
        _ events: [StepEvent], format: MarkerFormat, frameRate: Double, title: String = "FOOTFALL"
    ) -> String {
        let sorted = events.sorted { ($0.time, $0.walker) < ($1.time, $1.walker) }
        switch format {
        case .csv: return csv(sorted)
        case .audacity: return audacity(sorted)
        case .reaper: return reaper(sorted)
        case .edl: return edl(sorted, frameRate: frameRate, title: title)
        }
    }

    /// Parses marker text back into heel-strike events. Fields a format does not carry get defaults
    /// (walker 0, confidence 1, frame from `frameRate`); labels written by `label(for:)` restore walker and foot.
    public static func parse(_ text: String, format: MarkerFormat, frameRate: Double) throws -> [StepEvent] {
        switch format {
        case .csv: return try parseCSV(text, frameRate: frameRate)
        case .audacity: return try parseAudacity(text, frameRate: frameRate)
        case .reaper: return try parseReaper(text, frameRate: frameRate)
        case .edl: return try parseEDL(text, frameRate: frameRate)
        }
    }

    /// Marker name for an event: `W1 L heel` (walker id, foot initial, event kind).
    public static func label(for e: StepEvent) -> String {
        "W\(e.walker) \(e.foot == .left ? "L" : "R") \(e.kind == .heelStrike ? "heel" : "toe")"
    }

    /// Reads `W<n> <L|R> <heel|toe>` labels; nil for other text.
    static func parseLabel(_ s: String) -> (walker: Int, foot: Foot, kind: GaitEventKind)? {
        let parts = s.split(separator: " ").map(String.init)
        guard parts.count >= 2, parts[0].hasPrefix("W"), let walker = Int(parts[0].dropFirst()) else { return nil }
        let foot: Foot
        switch parts[1].uppercased() {
        case "L", "LEFT": foot = .left
        case "R", "RIGHT": foot = .right
        default: return nil
        }
        let kind: GaitEventKind = parts.count > 2 && parts[2].lowercased().hasPrefix("toe") ? .toeOff : .heelStrike
        return (walker, foot, kind)
    }

    /// The longest time a marker may have: far beyond any video, small enough for every format's arithmetic.
    public static let maxTime = 1_000_000.0

    /// Whether `t` can be a marker time (seconds in 0...maxTime).
    static func isMarkerTime(_ t: Double) -> Bool { t.isFinite && t >= 0 && t <= maxTime }

    /// The frame nearest to `time`; 0 for a time or rate that is not a usable number (writers take any event).
    static func frame(_ time: Double, _ frameRate: Double) -> Int {
        let f = (time * frameRate).rounded()
        guard frameRate > 0, f.isFinite else { return 0 }
        return Int(min(max(f, 0), 1e12))
    }

    static func fixed(_ v: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", v) }

    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
