import CSndfile
import FootfallCore
import Foundation

/// Sample formats for WAV output.
public enum WAVFormat: String, Sendable, CaseIterable {
    /// 24-bit integer PCM (the default; what editors expect).
    case pcm24
    /// 32-bit float.
    case float32

    var sndfileSubtype: Int32 { self == .pcm24 ? Int32(SF_FORMAT_PCM_24) : Int32(SF_FORMAT_FLOAT) }
}

/// Writes WAV files with libsndfile, atomically (temp file + rename), optionally with a `bext` chunk.
public enum WAVWriter {
    public static func write(
        _ audio: any AudioBlockSource, to path: String, format: WAVFormat = .pcm24, broadcast: BroadcastInfo? = nil,
        cues: [WAVCuePoint] = []
    ) throws {
        guard audio.channelCount > 0 else {
            throw FootfallError.failure("cannot write '\(path)': the audio has no channels")
        }
        let output = try AtomicOutput(finalPath: path)
        do {
            try writeFile(audio, to: output.temporaryPath, format: format, broadcast: broadcast, cues: cues)
            if !cues.isEmpty { try appendLabels(cues, to: output.temporaryPath) }
            try output.commit()
        } catch {
            output.discard()
            throw error
        }
    }

    private static func writeFile(
        _ audio: any AudioBlockSource, to path: String, format: WAVFormat, broadcast: BroadcastInfo?,
        cues: [WAVCuePoint]
    ) throws {
        var info = SF_INFO()
        info.samplerate = Int32(audio.sampleRate)
        info.channels = Int32(audio.channelCount)
        info.format = Int32(SF_FORMAT_WAV) | format.sndfileSubtype
        guard let file = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw FootfallError.failure("cannot create '\(path)': \(String(cString: sf_strerror(nil)))")
        }
        var closed = false
        defer { if !closed { sf_close(file) } }
        // Out-of-range floats clip instead of wrapping around in integer formats.
        sf_command(file, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        if let b = broadcast {
            guard
                csf_set_broadcast_info(
                    file, b.description, b.originator, b.originatorReference, b.originationDate, b.originationTime,
                    b.timeReference) == 0
            else { throw FootfallError.failure("cannot add the bext chunk to '\(path)'") }
        }
        if !cues.isEmpty {
            let samples = cues.map(\.sample)
            guard csf_set_cues(file, samples, UInt32(samples.count)) == 0 else {
                throw FootfallError.failure("cannot add the cue chunk to '\(path)'")
            }
        }
        try writeInterleaved(audio, to: file, path: path)
        closed = true
        guard sf_close(file) == 0 else { throw FootfallError.failure("cannot finish writing '\(path)'") }
    }

    /// Reads and interleaves a block at a time, so a long track is never in memory whole.
    private static func writeInterleaved(_ audio: any AudioBlockSource, to file: OpaquePointer, path: String) throws {
        let channels = audio.channelCount
        var interleaved: [Float] = []
        try audio.forEachBlock(of: 65_536) { _, block in
            let n = block.first?.count ?? 0
            if interleaved.count != n * channels { interleaved = [Float](repeating: 0, count: n * channels) }
            interleaved.withUnsafeMutableBufferPointer { dst in
                for c in 0..<channels {
                    block[c].withUnsafeBufferPointer { src in
                        for i in 0..<n { dst[i * channels + c] = src[i] }
                    }
                }
            }
            let written = interleaved.withUnsafeBufferPointer { sf_writef_float(file, $0.baseAddress, sf_count_t(n)) }
            guard written == n else {
                throw FootfallError.failure("cannot write '\(path)': \(String(cString: sf_strerror(file)))")
            }
        }
    }
}
