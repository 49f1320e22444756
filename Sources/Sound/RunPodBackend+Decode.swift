import FootfallCore
import Foundation
import MediaIO

extension RunPodBackend {
    /// Decodes with FFmpeg (MediaIO): the bytes go to a temporary file, whose format FFmpeg detects from the content.
    public static let decodeWithFFmpeg: ClipDecoder = { bytes, sampleRate in
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("footfall-runpod-\(UUID().uuidString)")
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try readAudioFile(path: url.path, sampleRate: sampleRate)
    }
}
