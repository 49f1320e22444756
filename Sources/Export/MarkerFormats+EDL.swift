import FootfallCore
import Foundation

extension MarkerFormats {
    /// CMX3600: one audio cut (`AX` reel, channel A) one frame long per step, source and record timecode equal to
    /// the step's frame at the video rate (non-drop, counted at the rounded rate). A `* FOOTFALL` comment keeps
    /// the exact time, walker, foot and confidence so the list reads back without frame rounding.
    static func edl(_ events: [StepEvent], frameRate: Double, title: String) -> String {
        let base = timecodeBase(frameRate)
        let safeTitle = title.uppercased().filter { $0.isASCII && !$0.isNewline }
        var out = "TITLE: \(safeTitle.prefix(70))\nFCM: NON-DROP FRAME\n\n"
        for (i, e) in events.enumerated() {
            let f = frame(e.time, frameRate)
            let tcIn = timecode(f, base: base)
            let tcOut = timecode(f + 1, base: base)
            out += String(format: "%03d  ", (i + 1) % 1000) + "AX       A     C        "
            out += "\(tcIn) \(tcOut) \(tcIn) \(tcOut)\n"
            out += "* FROM CLIP NAME: \(label(for: e))\n"
            out += "* FOOTFALL: time=\(fixed(e.time, 6)) walker=\(e.walker) foot=\(e.foot.rawValue) "
            out += "confidence=\(fixed(e.confidence, 3))\n\n"
        }
        return out
    }

    static func timecodeBase(_ frameRate: Double) -> Int {
        frameRate.isFinite ? Int(min(max(frameRate.rounded(), 1), 1000)) : 1
    }

    static func timecode(_ frame: Int, base: Int) -> String {
        let f = max(0, frame)
        let perHour = base * 3600
        return String(
            format: "%02d:%02d:%02d:%02d", (f / perHour) % 24, (f / (base * 60)) % 60, (f / base) % 60, f % base)
    }

    static func parseTimecode(_ s: String, base: Int) -> Int? {
        let parts = s.split(whereSeparator: { $0 == ":" || $0 == ";" }).compactMap { Int($0) }
        // Two-digit fields in a real EDL; the bound keeps the arithmetic from overflowing on garbage.
        guard parts.count == 4, parts.allSatisfy({ (0...9_999).contains($0) }) else { return nil }
        return ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * base + parts[3]
    }

    static func parseEDL(_ text: String, frameRate: Double, warnings: inout [String]) throws -> [StepEvent] {
        let base = timecodeBase(frameRate)
        var events: [StepEvent] = []
        for line in lines(text) {
            let fields = line.split(separator: " ").map(String.init)
            if let first = fields.first, Int(first) != nil, fields.count >= 8 {
                guard let recIn = parseTimecode(fields[fields.count - 2], base: base) else {
                    throw FootfallError.badInput("EDL event '\(line.singleLine())' has no record-in timecode")
                }
                let time = frameRate > 0 ? Double(recIn) / frameRate : 0
                guard isMarkerTime(time) else {
                    throw FootfallError.badInput("EDL event '\(line.singleLine())' is past \(Int(maxTime)) s")
                }
                events.append(StepEvent(time: time, frame: recIn, walker: 0, foot: .left, confidence: 1))
            } else if line.hasPrefix("* FROM CLIP NAME:"), var last = events.popLast() {
                let name = line.dropFirst("* FROM CLIP NAME:".count).trimmingCharacters(in: .whitespaces)
                apply(label: name, to: &last, place: "EDL event \(events.count + 1)", warnings: &warnings)
                events.append(last)
            } else if line.hasPrefix("* FOOTFALL:"), var last = events.popLast() {
                for pair in line.dropFirst("* FOOTFALL:".count).split(separator: " ") {
                    let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    guard kv.count == 2 else { continue }
                    switch kv[0] {
                    case "time": if let t = Double(kv[1]), isMarkerTime(t) { last.time = t }
                    case "walker": if let w = Int(kv[1]) { last.walker = w }
                    case "foot": if let f = Foot(rawValue: kv[1]) { last.foot = f }
                    case "confidence": if let c = Double(kv[1]), c.isFinite { last.confidence = c }
                    default: break
                    }
                }
                events.append(last)
            }
        }
        return events
    }
}
