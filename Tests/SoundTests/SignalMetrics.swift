import FootfallCore
import Foundation

/// Measurements the tests use to tell sounds apart, computed here independently of the code under test.
enum SignalMetrics {
    /// Magnitude spectrum (bins 0...n/2) of `samples` zero-padded to a power of two, Hann-windowed unless
    /// `hann` is false (a whole one-shot sound: the window would all but remove its attack at the start).
    static func magnitudeSpectrum(_ samples: [Float], hann: Bool = true) -> [Double] {
        var n = 1
        while n < samples.count { n <<= 1 }
        var re = [Double](repeating: 0, count: n)
        var im = [Double](repeating: 0, count: n)
        for (i, s) in samples.enumerated() {
            let w = hann ? 0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(max(samples.count - 1, 1))) : 1
            re[i] = Double(s) * w
        }
        fft(&re, &im)
        return (0...(n / 2)).map { (re[$0] * re[$0] + im[$0] * im[$0]).squareRoot() }
    }

    /// Power-weighted mean frequency in Hz.
    static func spectralCentroid(_ audio: AudioBuffer) -> Double {
        let mag = magnitudeSpectrum(audio.channels[0])
        let binHz = Double(audio.sampleRate) / Double((mag.count - 1) * 2)
        var weighted = 0.0
        var total = 0.0
        for (k, m) in mag.enumerated() {
            weighted += Double(k) * binHz * m * m
            total += m * m
        }
        return total > 0 ? weighted / total : 0
    }

    /// Largest power bin over the mean power in 50 Hz–8 kHz: high for resonant (modal) sounds, low for noise.
    static func spectralPeakiness(_ audio: AudioBuffer) -> Double {
        let mag = magnitudeSpectrum(audio.channels[0])
        let binHz = Double(audio.sampleRate) / Double((mag.count - 1) * 2)
        let band = mag.indices.filter { Double($0) * binHz >= 50 && Double($0) * binHz <= 8000 }
        let power = band.map { mag[$0] * mag[$0] }
        let mean = power.reduce(0, +) / Double(power.count)
        return (power.max() ?? 0) / max(mean, 1e-30)
    }

    /// Seconds from the RMS-envelope peak until the envelope last exceeds the peak − 20 dB (5 ms frames).
    static func decayTime20dB(_ audio: AudioBuffer) -> Double {
        let frame = audio.sampleRate / 200
        let x = audio.channels[0]
        let rms = stride(from: 0, to: x.count, by: frame).map { start -> Double in
            let end = min(x.count, start + frame)
            let sum = x[start..<end].reduce(0.0) { $0 + Double($1) * Double($1) }
            return (sum / Double(end - start)).squareRoot()
        }
        guard let peak = rms.max(), peak > 0, let peakIndex = rms.firstIndex(of: peak) else { return 0 }
        let threshold = peak * 0.1
        let last = rms.lastIndex { $0 >= threshold } ?? peakIndex
        return Double(last - peakIndex) * Double(frame) / Double(audio.sampleRate)
    }

    /// Index of the largest centred 1 ms moving average of |x| within `range`.
    static func envelopeArgmax(_ samples: [Float], sampleRate: Int, range: Range<Int>) -> Int {
        let half = sampleRate / 2000
        var prefix = [Double](repeating: 0, count: samples.count + 1)
        for (i, s) in samples.enumerated() { prefix[i + 1] = prefix[i] + Double(abs(s)) }
        var best = range.lowerBound
        var bestValue = -1.0
        for i in range.clamped(to: 0..<samples.count) {
            let lo = max(0, i - half)
            let hi = min(samples.count, i + half + 1)
            let value = (prefix[hi] - prefix[lo]) / Double(hi - lo)
            if value > bestValue {
                bestValue = value
                best = i
            }
        }
        return best
    }

    /// In-place iterative radix-2 FFT (n a power of two).
    static func fft(_ re: inout [Double], _ im: inout [Double]) {
        let n = re.count
        var j = 0
        for i in 1..<n {
            var bit = n >> 1
            while j & bit != 0 {
                j ^= bit
                bit >>= 1
            }
            j |= bit
            if i < j {
                re.swapAt(i, j)
                im.swapAt(i, j)
            }
        }
        var length = 2
        while length <= n {
            let angle = -2 * Double.pi / Double(length)
            for start in stride(from: 0, to: n, by: length) {
                for k in 0..<(length / 2) {
                    let wr = cos(angle * Double(k))
                    let wi = sin(angle * Double(k))
                    let a = start + k
                    let b = a + length / 2
                    let tr = re[b] * wr - im[b] * wi
                    let ti = re[b] * wi + im[b] * wr
                    re[b] = re[a] - tr
                    im[b] = im[a] - ti
                    re[a] += tr
                    im[a] += ti
                }
            }
            length <<= 1
        }
    }
}
