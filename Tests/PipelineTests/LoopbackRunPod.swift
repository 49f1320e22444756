import FootfallCore
import FootfallTesting
import Foundation
import MediaIO

/// The RunPod stand-in of the render tests: FootfallTesting's scripted loopback server.
typealias LoopbackRunPod = LoopbackHTTPServer

extension LoopbackHTTPServer {
    /// A job answer holding a WAV of `steps` separate synthetic footsteps (noise bursts over quiet room noise).
    static func completedJob(steps: Int = 6) throws -> [String: Any] {
        let rate = 44_100
        var rng = SeededRandom(seed: 11)
        var x = (0..<Int((0.7 + Double(steps) * 0.55) * Double(rate))).map { _ in Float(rng.uniform(-1...1)) * 0.0005 }
        for k in 0..<steps {
            let start = Int((0.3 + Double(k) * 0.55) * Double(rate))
            for i in 0..<Int(0.24 * Double(rate)) where start + i < x.count {
                let envelope = i < 88 ? Double(i) / 88 : exp(-Double(i - 88) / (0.03 * Double(rate)))
                x[start + i] += Float(envelope * rng.uniform(-1...1)) * 0.6
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("loopback-\(UUID()).wav").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WAVWriter.write(AudioBuffer(sampleRate: rate, channels: [x]), to: path)
        let wav = try Data(contentsOf: URL(fileURLWithPath: path))
        return ["id": "job-1", "status": "COMPLETED", "output": ["audio": wav.base64EncodedString()]]
    }
}
