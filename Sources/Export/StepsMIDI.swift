import FootfallCore
import Foundation

/// `<name>.steps.mid`: a standard MIDI file (format 1) to drive a sampler and to bring markers into Pro Tools.
/// Track 0 holds the tempo (120 bpm, so with 960 ticks a quarter one tick is exactly 1/1920 s) and a marker meta
/// event per step named like the DAW markers; track 1 holds one note per step: note 36 + 2 × walker (+1 for the
/// right foot), velocity from the step's mix gain, 50 ms long.
public enum StepsMIDI: StepsInterchangeFormat {
    public static let suffix = ".steps.mid"
    static let ticksPerQuarter = 960
    static let microsecondsPerQuarter = 500_000
    static var ticksPerSecond: Double { Double(ticksPerQuarter) * 1e6 / Double(microsecondsPerQuarter) }
    static let lowestNote = 36
    static let noteSeconds = 0.05

    public static func note(walker: Int, foot: Foot) -> UInt8 {
        let walkers = (127 - lowestNote + 1) / 2
        return UInt8(lowestNote + 2 * (max(walker, 0) % walkers) + (foot == .right ? 1 : 0))
    }

    /// Full scale at 0 dB mix gain; quieter steps lower, never 0 (a note-on of velocity 0 is a note-off).
    public static func velocity(gainDB: Double?) -> UInt8 {
        let level = pow(10, (gainDB ?? 0) / 20)
        guard level.isFinite else { return 1 }
        return UInt8(min(max((127 * level).rounded(), 1), 127))
    }

    static func tick(_ seconds: Double) -> Int {
        Int((min(max(seconds, 0), MarkerFormats.maxTime) * ticksPerSecond).rounded())
    }

    public static func encode(_ steps: [StepEvent], context: InterchangeContext) throws -> Data {
        let sorted = steps.sorted { ($0.time, $0.walker) < ($1.time, $1.walker) }
        var conductor = MIDITrackWriter()
        conductor.meta(0x03, Array(context.name.utf8.prefix(120)), at: 0)
        conductor.meta(0x51, [0x07, 0xA1, 0x20], at: 0)  // 500 000 µs a quarter
        conductor.meta(0x58, [4, 2, 24, 8], at: 0)
        for s in sorted { conductor.meta(0x06, Array(MarkerFormats.label(for: s).utf8), at: tick(s.time)) }
        var notes = MIDITrackWriter()
        notes.meta(0x03, Array("Footfall steps".utf8), at: 0)
        // Note-offs sort before note-ons at the same tick, so a repeated note is not cut short.
        var events: [(tick: Int, on: Bool, note: UInt8, velocity: UInt8)] = []
        for s in sorted {
            let n = note(walker: s.walker, foot: s.foot)
            events.append((tick(s.time), true, n, velocity(gainDB: s.gainDB)))
            events.append((tick(s.time + noteSeconds), false, n, 0))
        }
        events.sort { ($0.tick, $0.on ? 1 : 0) < ($1.tick, $1.on ? 1 : 0) }
        for e in events { notes.channel(e.on ? 0x90 : 0x80, e.note, e.velocity, at: e.tick) }
        var out = Data("MThd".utf8)
        out += bigEndian(6, bytes: 4) + bigEndian(1, bytes: 2) + bigEndian(2, bytes: 2)
        out += bigEndian(ticksPerQuarter, bytes: 2)
        out += conductor.finished() + notes.finished()
        return out
    }

    static func bigEndian(_ v: Int, bytes: Int) -> Data {
        Data((0..<bytes).reversed().map { UInt8(truncatingIfNeeded: v >> ($0 * 8)) })
    }

    /// Notes (any channel) are the steps; a file with only markers (as Pro Tools exports them) gives one step per
    /// marker, named as the DAW markers are. Tempo changes are followed.
    public static func parse(_ data: Data, source: String, frameRate: Double) throws -> [StepEvent] {
        let file = try MIDIFileReader(data, source: source)
        var steps: [StepEvent] = []
        for n in file.notes {
            let t = file.seconds(atTick: n.tick)
            let offset = Int(n.note) - lowestNote
            steps.append(
                StepEvent(
                    time: t, frame: MarkerFormats.frame(t, frameRate), walker: max(offset, 0) / 2,
                    foot: offset >= 0 && offset % 2 == 1 ? .right : .left, confidence: 1, method: "manual",
                    gainDB: 20 * log10(Double(n.velocity) / 127)))
        }
        if steps.isEmpty {
            var warnings: [String] = []
            for m in file.markers {
                let t = file.seconds(atTick: m.tick)
                var event = StepEvent(
                    time: t, frame: MarkerFormats.frame(t, frameRate), walker: 0, foot: .left, confidence: 1)
                MarkerFormats.apply(label: m.text, to: &event, place: "\(source) marker", warnings: &warnings)
                steps.append(event)
            }
        }
        return steps
    }
}
