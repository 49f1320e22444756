import FootfallCore
import Foundation
import MediaIO

extension RunPodBackend {
    /// Decodes with FFmpeg (MediaIO): the bytes go to a temporary file, whose format FFmpeg detects from the content.
    public static let decodeWithFFmpeg: ClipDecoder = { bytes, sampleRate in
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("footfall-runpod-\(UUID().uuidString)")
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        // TEMPORARY until MediaIO's readAudioFile(path:sampleRate:) is on main.
        throw FootfallError.failure("audio decoding is not available yet (MediaIO.readAudioFile pending)")
    }
}
