import CSndfile
import FootfallCore

/// Reads WAV (and other libsndfile formats) with their header details, e.g. to check what `WAVWriter` wrote.
public enum WAVReader {
    public struct Contents: Sendable {
        public var audio: AudioBuffer
        /// libsndfile's major|subtype format code.
        public var format: Int32
        public var broadcast: BroadcastInfo?

        /// Bits per sample of integer PCM (16/24/32), 32 for float, 0 otherwise.
        public var bitsPerSample: Int {
            switch format & Int32(SF_FORMAT_SUBMASK) {
            case Int32(SF_FORMAT_PCM_16): return 16
            case Int32(SF_FORMAT_PCM_24): return 24
            case Int32(SF_FORMAT_PCM_32), Int32(SF_FORMAT_FLOAT): return 32
            default: return 0
            }
        }
        public var isFloat: Bool { format & Int32(SF_FORMAT_SUBMASK) == Int32(SF_FORMAT_FLOAT) }
    }

    public static func read(_ path: String) throws -> Contents {
        try InputValidation.requireReadableFile(path)
        var info = SF_INFO()
        guard let file = sf_open(path, Int32(SFM_READ), &info) else {
            throw FootfallError.badInput("cannot read '\(path)' as a sound file: \(String(cString: sf_strerror(nil)))")
        }
        defer { sf_close(file) }
        let channels = Int(info.channels)
        let frames = Int(info.frames)
        var interleaved = [Float](repeating: 0, count: frames * channels)
        let read = interleaved.withUnsafeMutableBufferPointer {
            sf_readf_float(file, $0.baseAddress, sf_count_t(frames))
        }
        var planes = Array(repeating: [Float](repeating: 0, count: Int(read)), count: channels)
        for c in 0..<channels {
            for i in 0..<Int(read) { planes[c][i] = interleaved[i * channels + c] }
        }
        return Contents(
            audio: AudioBuffer(sampleRate: Int(info.samplerate), channels: planes), format: info.format,
            broadcast: broadcastInfo(file))
    }

    private static func broadcastInfo(_ file: OpaquePointer) -> BroadcastInfo? {
        var description = [CChar](repeating: 0, count: 257)
        var originator = [CChar](repeating: 0, count: 33)
        var reference = [CChar](repeating: 0, count: 33)
        var date = [CChar](repeating: 0, count: 11)
        var time = [CChar](repeating: 0, count: 9)
        var timeReference: UInt64 = 0
        guard
            csf_get_broadcast_info(file, &description, &originator, &reference, &date, &time, &timeReference) == 0
        else { return nil }
        return BroadcastInfo(
            description: text(description), originator: text(originator),
            originatorReference: text(reference), originationDate: text(date),
            originationTime: text(time), timeReference: timeReference)
    }

    private static func text(_ chars: [CChar]) -> String {
        String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
