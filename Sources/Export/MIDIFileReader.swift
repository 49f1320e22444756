import FootfallCore
import Foundation

/// Reads what a standard MIDI file says about time: note-ons, marker (and text) meta events, and the tempo map.
/// Every length is checked against the bytes, so a cut or corrupted file is an error, not a crash.
struct MIDIFileReader {
    struct Note {
        var tick: Int
        var note: UInt8
        var velocity: UInt8
    }
    struct Marker {
        var tick: Int
        var text: String
    }

    private(set) var notes: [Note] = []
    private(set) var markers: [Marker] = []
    /// (tick, microseconds per quarter), sorted by tick.
    private(set) var tempos: [(tick: Int, tempo: Int)] = []
    let ticksPerQuarter: Int
    /// Ticks a second with a SMPTE division (no tempo then).
    let smpteTicksPerSecond: Double?

    init(_ data: Data, source: String) throws {
        let b = [UInt8](data)
        func fail(_ why: String) -> FootfallError {
            .badInput("\(source) is not a readable MIDI file: \(why); export it again as a standard MIDI file")
        }
        func u32(_ o: Int) -> Int { Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3]) }
        guard b.count >= 14, b.starts(with: Array("MThd".utf8)), u32(4) >= 6 else { throw fail("no MThd header") }
        let division = Int(b[12]) << 8 | Int(b[13])
        if division & 0x8000 != 0 {
            let fps = 256 - Int(b[12])
            let perFrame = Int(b[13])
            guard fps > 0, perFrame > 0 else { throw fail("a SMPTE division of 0") }
            smpteTicksPerSecond = Double((fps == 29 ? 29.97 : Double(fps)) * Double(perFrame))
            ticksPerQuarter = 1
        } else {
            guard division > 0 else { throw fail("0 ticks a quarter note") }
            smpteTicksPerSecond = nil
            ticksPerQuarter = division
        }
        var offset = 8 + u32(4)
        while offset + 8 <= b.count {
            let id = String(decoding: b[offset..<(offset + 4)], as: UTF8.self)
            let size = u32(offset + 4)
            let start = offset + 8
            guard size <= b.count - start else { throw fail("chunk '\(id.singleLine(limit: 8))' is cut short") }
            if id == "MTrk" { try readTrack(b, start..<(start + size), fail: fail) }
            offset = start + size
        }
        tempos.sort { $0.tick < $1.tick }
    }

    private mutating func readTrack(_ b: [UInt8], _ range: Range<Int>, fail: (String) -> FootfallError) throws {
        var i = range.lowerBound
        var tick = 0
        var running: UInt8 = 0
        func byte() throws -> UInt8 {
            guard i < range.upperBound else { throw fail("a track ends inside an event") }
            defer { i += 1 }
            return b[i]
        }
        func quantity() throws -> Int {
            var v = 0
            for _ in 0..<4 {
                let c = try byte()
                v = v << 7 | Int(c & 0x7F)
                if c & 0x80 == 0 { return v }
            }
            throw fail("a length longer than 4 bytes")
        }
        while i < range.upperBound {
            tick += try quantity()
            var status = try byte()
            if status < 0x80 {
                guard running != 0 else { throw fail("data before any status byte") }
                status = running
                i -= 1
            }
            switch status {
            case 0xFF:
                let type = try byte()
                let length = try quantity()
                guard length <= range.upperBound - i else { throw fail("a meta event is cut short") }
                let payload = Array(b[i..<(i + length)])
                i += length
                if type == 0x51, payload.count == 3 {
                    let tempo = Int(payload[0]) << 16 | Int(payload[1]) << 8 | Int(payload[2])
                    if tempo > 0 { tempos.append((tick, tempo)) }
                } else if type == 0x06 {
                    markers.append(Marker(tick: tick, text: String(decoding: payload, as: UTF8.self)))
                } else if type == 0x2F {
                    return
                }
            case 0xF0, 0xF7:
                let length = try quantity()
                guard length <= range.upperBound - i else { throw fail("a system-exclusive event is cut short") }
                i += length
            default:
                running = status
                let a = try byte()
                switch status & 0xF0 {
                case 0xC0, 0xD0: break
                case 0x90:
                    let velocity = try byte()
                    if velocity > 0 { notes.append(Note(tick: tick, note: a, velocity: velocity)) }
                default: _ = try byte()
                }
            }
        }
    }

    /// Seconds from the start at `tick`, through the tempo map (120 bpm until the first tempo event).
    func seconds(atTick tick: Int) -> Double {
        if let smpte = smpteTicksPerSecond { return Double(tick) / smpte }
        var seconds = 0.0
        var lastTick = 0
        var tempo = 500_000
        for change in tempos where change.tick < tick {
            seconds += Double(change.tick - lastTick) * Double(tempo) / 1e6 / Double(ticksPerQuarter)
            lastTick = change.tick
            tempo = change.tempo
        }
        return seconds + Double(tick - lastTick) * Double(tempo) / 1e6 / Double(ticksPerQuarter)
    }
}
