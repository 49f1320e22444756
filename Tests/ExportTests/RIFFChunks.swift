import Foundation

/// A tiny RIFF/WAVE reader for the tests: the chunks by id, read straight from the bytes.
struct RIFFChunks {
    let chunks: [String: Data]
    let order: [String]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let bytes = [UInt8](data)
        precondition(bytes.count >= 12)
        guard String(decoding: bytes[0..<4], as: UTF8.self) == "RIFF",
            String(decoding: bytes[8..<12], as: UTF8.self) == "WAVE"
        else {
            chunks = [:]
            order = []
            return
        }
        var found: [String: Data] = [:]
        var ids: [String] = []
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let size = Int(Self.uint32(bytes, offset + 4))
            let start = offset + 8
            let end = min(start + size, bytes.count)
            found[id] = Data(bytes[start..<end])
            ids.append(id)
            offset = start + size + (size & 1)
        }
        chunks = found
        order = ids
    }

    static func uint32(_ b: [UInt8], _ o: Int) -> UInt32 {
        UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
    }

    static func uint16(_ b: [UInt8], _ o: Int) -> UInt16 { UInt16(b[o]) | UInt16(b[o + 1]) << 8 }

    /// A fixed-size, NUL-padded ASCII field.
    static func text(_ b: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: b[range].prefix { $0 != 0 }, as: UTF8.self)
    }
}
