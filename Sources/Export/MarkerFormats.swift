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

    /// Parses marker text back into events. Fields a format does not carry get defaults
    /// (walker 0, confidence 1, frame from `frameRate`); labels written by `label(for:)` restore walker, foot and
    /// surface.
    public static func parse(_ text: String, format: MarkerFormat, frameRate: Double) throws -> [StepEvent] {
        var warnings: [String] = []
        return try parse(text, format: format, frameRate: frameRate, warnings: &warnings)
    }

    /// As `parse(_:format:frameRate:)`, and says in `warnings` which labels were not understood (those markers
    /// keep the defaults).
    public static func parse(
        _ text: String, format: MarkerFormat, frameRate: Double, warnings: inout [String]
    ) throws -> [StepEvent] {
        switch format {
        case .csv: return try parseCSV(text, frameRate: frameRate)
        case .audacity: return try parseAudacity(text, frameRate: frameRate, warnings: &warnings)
        case .reaper: return try parseReaper(text, frameRate: frameRate, warnings: &warnings)
        case .edl: return try parseEDL(text, frameRate: frameRate, warnings: &warnings)
        }
    }

    /// Marker name for an event: `W1 L heel` (walker id, foot initial, event kind), then the surface when known.
    public static func label(for e: StepEvent) -> String {
        let base = "W\(e.walker) \(e.foot == .left ? "L" : "R") \(e.kind == .heelStrike ? "heel" : "toe")"
        guard let surface = e.surface, let kind = try? SurfaceKind.parse(surface) else { return base }
        return base + " " + kind.rawValue
    }

    /// What a marker name says about its step.
    struct Label {
        var walker: Int?
        var foot: Foot?
        var kind: GaitEventKind?
        var surface: String?
        /// Words that are none of the above.
        var unknown: [String] = []
    }

    /// Reads `W<n> <L|R> <heel|toe> [surface]` labels, in any order and case (`left`/`right` too), as a DAW user
    /// might type them for a new marker.
    static func parseLabel(_ s: String) -> Label {
        var label = Label()
        for word in s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "_" || $0 == "\t" }) {
            let w = word.lowercased()
            if w.hasPrefix("w"), let n = Int(w.dropFirst()), n >= 0 {
                label.walker = n
            } else if w == "l" || w == "left" {
                label.foot = .left
            } else if w == "r" || w == "right" {
                label.foot = .right
            } else if w.hasPrefix("heel") {
                label.kind = .heelStrike
            } else if w.hasPrefix("toe") {
                label.kind = .toeOff
            } else if let kind = try? SurfaceKind.parse(w) {
                label.surface = kind.rawValue
            } else {
                label.unknown.append(String(word))
            }
        }
        return label
    }

    /// Sets what `name` says on `event`; a name without a foot, or with words Footfall did not write, adds a
    /// warning naming `place` (the marker keeps the defaults for what is missing).
    static func apply(label name: String, to event: inout StepEvent, place: String, warnings: inout [String]) {
        let label = parseLabel(name)
        event.walker = label.walker ?? event.walker
        event.foot = label.foot ?? event.foot
        event.kind = label.kind ?? event.kind
        event.surface = label.surface ?? event.surface
        guard label.foot == nil || !label.unknown.isEmpty else { return }
        let what =
            name.trimmingCharacters(in: .whitespaces).isEmpty
            ? "has no label" : "label '\(name.singleLine(limit: 60))' is not 'W<walker> <L|R> heel [surface]'"
        warnings.append(
            "\(place) \(what): used walker \(event.walker), \(event.foot.rawValue) foot"
                + (label.unknown.isEmpty
                    ? "" : ", ignored '\(label.unknown.joined(separator: " ").singleLine(limit: 40))'"))
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
