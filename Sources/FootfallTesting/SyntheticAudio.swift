import FootfallCore
import Foundation

/// Synthetic audio for tests.
public enum SyntheticAudio {
    /// Silence with short clicks (a 1-sample full-scale impulse followed by a fast-decaying 2 kHz burst of 2 ms)
    /// starting exactly at each time in `clicks`. The onset sample is `round(time * sampleRate)`.
    public static func clicks(
        at clicks: [Double], duration: Double, sampleRate: Int = AudioBuffer.standardRate, channels: Int = 2,
        amplitude: Float = 0.8
    ) -> AudioBuffer {
        let frames = Int((duration * Double(sampleRate)).rounded())
        var plane = [Float](repeating: 0, count: frames)
        let burst = max(1, sampleRate / 500)
        for t in clicks {
            let start = Int((t * Double(sampleRate)).rounded())
            for i in 0..<burst where start + i >= 0 && start + i < frames {
                let phase = 2 * Double.pi * 2000 * Double(i) / Double(sampleRate)
                let envelope = exp(-Double(i) / Double(burst) * 5)
                plane[start + i] = amplitude * Float(envelope * cos(phase))
            }
        }
        return AudioBuffer(sampleRate: sampleRate, channels: Array(repeating: plane, count: channels))
    }

    /// A sine tone.
    public static func sine(
        frequency: Double, duration: Double, amplitude: Float = 0.5, sampleRate: Int = AudioBuffer.standardRate,
        channels: Int = 2
    ) -> AudioBuffer {
        let frames = Int((duration * Double(sampleRate)).rounded())
        let plane = (0..<frames).map {
            amplitude * Float(sin(2 * Double.pi * frequency * Double($0) / Double(sampleRate)))
        }
        return AudioBuffer(sampleRate: sampleRate, channels: Array(repeating: plane, count: channels))
    }

    /// Index of the first sample whose magnitude reaches `threshold` at or after `from`, or nil.
    public static func onset(in samples: [Float], threshold: Float = 0.2, from: Int = 0) -> Int? {
        guard from < samples.count else { return nil }
        return samples[max(0, from)...].firstIndex { abs($0) >= threshold }
    }
}

extension SyntheticAudio {
    /// The loudest sample (all channels summed) within 20 ms of `time` in 48 kHz `channels`: where a dry step's
    /// transient is, in seconds, and how loud it is.
    public static func loudest(near time: Double, in channels: [[Float]], rate: Double = 48_000) -> (
        time: Double, level: Float
    ) {
        let centre = Int((time * rate).rounded())
        let reach = Int(0.02 * rate)
        let range = max(centre - reach, 0)..<min(centre + reach, channels.first?.count ?? 0)
        var best = (index: range.lowerBound, level: Float(0))
        for i in range {
            let level = channels.map { abs($0[i]) }.reduce(0, +)
            if level > best.level { best = (i, level) }
        }
        return (Double(best.index) / rate, best.level)
    }
}
