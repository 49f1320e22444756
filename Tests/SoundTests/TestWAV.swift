import CSndfile
import FootfallCore
import Foundation

/// Writes test audio with libsndfile (the samples backend's tests need real files on disk).
enum TestWAV {
    static func write(_ audio: AudioBuffer, to path: String, format: Int32 = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_24))
        throws
    {
        var info = SF_INFO()
        info.samplerate = Int32(audio.sampleRate)
        info.channels = Int32(audio.channelCount)
        info.format = format
        guard let file = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw FootfallError.failure("cannot write \(path): \(String(cString: sf_strerror(nil)))")
        }
        defer { sf_close(file) }
        var interleaved = [Float](repeating: 0, count: audio.frameCount * audio.channelCount)
        for (c, channel) in audio.channels.enumerated() {
            for (i, v) in channel.enumerated() { interleaved[i * audio.channelCount + c] = v }
        }
        let written = sf_writef_float(file, interleaved, sf_count_t(audio.frameCount))
        guard written == audio.frameCount else { throw FootfallError.failure("short write to \(path)") }
    }

    /// A fresh empty temp directory.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "footfall-sound-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
