import CSndfile
import FootfallCore
import Foundation
import Logging

@testable import Sound

/// Synthesized footstep clips, like the ones Stable Audio should return: heel impact, a softer toe slap 70 ms later,
/// quiet room noise between steps.
enum SyntheticSteps {
    struct Clip {
        var audio: AudioBuffer
        /// Sample index of each heel impact.
        var impacts: [Int]
    }

    static func clip(
        steps: Int = 6, spacing: Double = 0.55, amplitude: Float = 0.6, noiseFloor: Float = 0.0005,
        sampleRate: Int = 44_100, stereo: Bool = true, seed: UInt64 = 1
    ) -> Clip {
        var rng = SeededRandom(seed: seed)
        let length = Int((0.3 + Double(steps) * spacing + 0.4) * Double(sampleRate))
        var x = (0..<length).map { _ in Float(rng.uniform(-1...1)) * noiseFloor }
        var impacts: [Int] = []
        for k in 0..<steps {
            let start = Int((0.3 + Double(k) * spacing + rng.uniform(-0.03...0.03)) * Double(sampleRate))
            impacts.append(start + Int(0.002 * Double(sampleRate)))
            add(&x, at: start, amplitude: amplitude, decay: 0.03, sampleRate: sampleRate, rng: &rng)
            let toe = start + Int(0.07 * Double(sampleRate))
            add(&x, at: toe, amplitude: amplitude * 0.35, decay: 0.02, sampleRate: sampleRate, rng: &rng)
        }
        let channels = stereo ? [x, x.map { $0 * 0.9 }] : [x]
        return Clip(audio: AudioBuffer(sampleRate: sampleRate, channels: channels), impacts: impacts)
    }

    /// A noise burst with a 2 ms attack and an exponential decay.
    private static func add(
        _ x: inout [Float], at start: Int, amplitude: Float, decay: Double, sampleRate: Int, rng: inout SeededRandom
    ) {
        let attack = Int(0.002 * Double(sampleRate))
        let length = Int(decay * 8 * Double(sampleRate))
        for i in 0..<length where start + i < x.count {
            let envelope =
                i < attack ? Double(i) / Double(attack) : exp(-Double(i - attack) / (decay * Double(sampleRate)))
            x[start + i] += Float(envelope * rng.uniform(-1...1)) * amplitude
        }
    }

    static func silent(seconds: Double = 4, sampleRate: Int = 44_100) -> AudioBuffer {
        var rng = SeededRandom(seed: 9)
        let x = (0..<Int(seconds * Double(sampleRate))).map { _ in Float(rng.uniform(-1...1)) * 1e-5 }
        return AudioBuffer(sampleRate: sampleRate, channels: [x, x])
    }
}

extension TestWAV {
    /// The bytes of `audio` as a file libsndfile writes (16-bit WAV by default; FLAC for the format tests).
    static func encode(_ audio: AudioBuffer, format: Int32 = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)) -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("footfall-runpod-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        guard (try? write(audio, to: url.path, format: format)) != nil else { return Data() }
        return (try? Data(contentsOf: url)) ?? Data()
    }

    static func base64(_ audio: AudioBuffer, format: Int32 = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)) -> String {
        encode(audio, format: format).base64EncodedString()
    }
}

/// Stands in for the procedural backend and counts its calls.
final class FallbackSpy: SoundBackend, @unchecked Sendable {
    let name = "procedural"
    let summary = "test fallback"
    private let lock = NSLock()
    private var served = 0

    var requestsServed: Int { lock.withLock { served } }

    func availability() -> BackendAvailability { .ready }

    func sounds(for requests: [SoundRequest]) async throws -> [FootstepSound] {
        lock.withLock { served += requests.count }
        return requests.map { r in
            FootstepSound(
                audio: AudioBuffer(sampleRate: r.sampleRate, channels: [[0, 0.5, 0.25, 0]]), transientIndex: 1)
        }
    }
}
