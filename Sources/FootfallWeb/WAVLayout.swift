import Foundation

/// Where a WAV's samples are and how they are stored.
struct WAVLayout {
    var channels: Int
    var sampleRate: Int
    var sampleBytes: Int
    var isFloat: Bool
    var dataOffset: Int
    var dataBytes: Int

    var frameBytes: Int { channels * sampleBytes }

    static func read(_ file: FileHandle) throws -> WAVLayout {
        let size = Int(try file.seekToEnd())
        try file.seek(toOffset: 0)
        let header = try file.read(upToCount: 12) ?? Data()
        guard header.count == 12, header.prefix(4) == Data("RIFF".utf8), header.suffix(4) == Data("WAVE".utf8) else {
            throw WaveformError.notWAV
        }
        var offset = 12
        var layout: WAVLayout?
        while offset + 8 <= size {
            try file.seek(toOffset: UInt64(offset))
            let chunk = try file.read(upToCount: 8) ?? Data()
            guard chunk.count == 8 else { break }
            let id = String(decoding: chunk.prefix(4), as: UTF8.self)
            let length = Int(chunk.littleEndian(at: 4, bytes: 4))
            if id == "fmt " {
                let fmt = try file.read(upToCount: min(length, 40)) ?? Data()
                guard fmt.count >= 16 else { throw WaveformError.notWAV }
                var tag = Int(fmt.littleEndian(at: 0, bytes: 2))
                if tag == 0xFFFE, fmt.count >= 26 { tag = Int(fmt.littleEndian(at: 24, bytes: 2)) }
                let bits = Int(fmt.littleEndian(at: 14, bytes: 2))
                guard tag == 1 || (tag == 3 && bits == 32), [16, 24, 32].contains(bits) else {
                    throw WaveformError.unsupported
                }
                layout = WAVLayout(
                    channels: max(1, Int(fmt.littleEndian(at: 2, bytes: 2))),
                    sampleRate: max(1, Int(fmt.littleEndian(at: 4, bytes: 4))), sampleBytes: bits / 8,
                    isFloat: tag == 3, dataOffset: 0, dataBytes: 0)
            } else if id == "data", var found = layout {
                found.dataOffset = offset + 8
                // A length past the end (a file still being written, or RF64's 0xFFFFFFFF) means "to the end".
                found.dataBytes = min(length, size - offset - 8)
                return found
            }
            offset += 8 + length + (length & 1)
        }
        throw WaveformError.notWAV
    }

    func sample(_ raw: UnsafeRawBufferPointer, at index: Int) -> Float {
        switch (sampleBytes, isFloat) {
        case (4, true): return raw.loadUnaligned(fromByteOffset: index, as: Float.self)
        case (4, false): return Float(raw.loadUnaligned(fromByteOffset: index, as: Int32.self)) / 2_147_483_648
        case (2, _): return Float(raw.loadUnaligned(fromByteOffset: index, as: Int16.self)) / 32_768
        default:
            let value = Int32(raw[index]) << 8 | Int32(raw[index + 1]) << 16 | Int32(raw[index + 2]) << 24
            return Float(value >> 8) / 8_388_608
        }
    }
}

enum WaveformError: Error {
    case notWAV, unsupported
}

extension Data {
    fileprivate func littleEndian(at offset: Int, bytes: Int) -> UInt32 {
        var value: UInt32 = 0
        for i in 0..<bytes { value |= UInt32(self[startIndex + offset + i]) << (8 * i) }
        return value
    }
}
