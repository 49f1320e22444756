import FootfallCore
import Foundation

extension WAVWriter {
    /// libsndfile writes the `cue ` chunk but not the cue names; this appends them as a `LIST` chunk of type
    /// `adtl` holding one `labl` per cue (ids 1…n as libsndfile numbers them) and grows the RIFF size to match.
    static func appendLabels(_ cues: [WAVCuePoint], to path: String) throws {
        var list = Data("adtl".utf8)
        for (i, cue) in cues.enumerated() {
            let text = Data(cue.label.utf8.prefix(255)) + Data([0])
            list += Data("labl".utf8) + littleEndian(UInt32(4 + text.count)) + littleEndian(UInt32(i + 1)) + text
            if text.count % 2 == 1 { list.append(0) }
        }
        let chunk = Data("LIST".utf8) + littleEndian(UInt32(list.count)) + list
        guard let handle = FileHandle(forUpdatingAtPath: path) else {
            throw FootfallError.failure("cannot reopen '\(path)' to add the cue labels")
        }
        defer { try? handle.close() }
        do {
            let end = try handle.seekToEnd()
            // RIFF chunks start on even offsets.
            var padded = end
            if end % 2 == 1 {
                try handle.write(contentsOf: Data([0]))
                padded += 1
            }
            try handle.write(contentsOf: chunk)
            let riffSize = padded + UInt64(chunk.count) - 8
            guard riffSize <= UInt64(UInt32.max) else {
                throw FootfallError.failure("'\(path)' is too long for a WAV file with cue labels")
            }
            try handle.seek(toOffset: 4)
            try handle.write(contentsOf: littleEndian(UInt32(riffSize)))
        } catch let error as FootfallError {
            throw error
        } catch {
            throw FootfallError.failure("cannot add the cue labels to '\(path)': \(error.localizedDescription)")
        }
    }

    private static func littleEndian(_ v: UInt32) -> Data {
        withUnsafeBytes(of: v.littleEndian) { Data($0) }
    }
}
