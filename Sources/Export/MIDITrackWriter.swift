import Foundation

/// One `MTrk` chunk being written: events in tick order as delta times.
struct MIDITrackWriter {
    private var bytes: [UInt8] = []
    private var lastTick = 0

    mutating func meta(_ type: UInt8, _ payload: [UInt8], at tick: Int) {
        delta(to: tick)
        bytes += [0xFF, type] + Self.variableLength(payload.count) + payload
    }

    mutating func channel(_ status: UInt8, _ a: UInt8, _ b: UInt8, at tick: Int) {
        delta(to: tick)
        bytes += [status, a & 0x7F, b & 0x7F]
    }

    private mutating func delta(to tick: Int) {
        bytes += Self.variableLength(max(tick - lastTick, 0))
        lastTick = max(tick, lastTick)
    }

    func finished() -> Data {
        let body = bytes + [0x00, 0xFF, 0x2F, 0x00]
        var out = Data("MTrk".utf8)
        out += StepsMIDI.bigEndian(body.count, bytes: 4)
        out += Data(body)
        return out
    }

    /// MIDI's variable-length quantity: 7 bits a byte, high bit set on all but the last.
    static func variableLength(_ value: Int) -> [UInt8] {
        var v = min(max(value, 0), 0x0FFF_FFFF)
        var out = [UInt8(v & 0x7F)]
        v >>= 7
        while v > 0 {
            out.insert(UInt8(v & 0x7F) | 0x80, at: 0)
            v >>= 7
        }
        return out
    }
}
