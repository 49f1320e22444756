import FootfallCore
import Foundation

/// Inter-sample peaks: the signal 4× oversampled with a windowed-sinc interpolator (as BS.1770 true peak does).
struct TruePeakDetector {
    static let factor = 4
    /// Taps on each side of the interpolated point.
    static let halfTaps = 16

    /// coefficients[k - 1][j] weights x[n - halfTaps + 1 + j] for the point n + k/4, k = 1...3.
    let coefficients: [[Float]]
    /// Largest sum of |coefficients| of a phase: no interpolated value exceeds this × the local sample peak.
    let gainBound: Float

    init() {
        let t = Self.halfTaps
        var phases: [[Float]] = []
        for k in 1..<Self.factor {
            let frac = Double(k) / Double(Self.factor)
            var c: [Double] = []
            for j in 0..<(2 * t) {
                let x = frac - Double(j - t + 1)  // distance from tap to the interpolated point
                let sinc = sin(Double.pi * x) / (Double.pi * x)
                let w = 0.5 + 0.5 * cos(Double.pi * x / Double(t))  // Hann, zero at ±t
                c.append(sinc * w)
            }
            let sum = c.reduce(0, +)
            phases.append(c.map { Float($0 / sum) })
        }
        coefficients = phases
        gainBound = phases.map { $0.reduce(0) { $0 + abs($1) } }.max() ?? 1
    }

    /// Per sample n: the largest |value| over channels at n and the inter-sample points n + k/4.
    /// Exact only where it can reach `threshold`; elsewhere it is the sample peak (which is below the threshold).
    func envelope(_ audio: AudioBuffer, threshold: Float) -> [Float] {
        let frames = audio.frameCount
        var env = [Float](repeating: 0, count: frames)
        guard frames > 0 else { return env }
        for ch in audio.channels {
            for i in 0..<frames { env[i] = max(env[i], abs(ch[i])) }
        }
        // Blocks whose neighbourhood cannot produce an inter-sample peak above the threshold are skipped.
        let block = 64
        let blocks = (frames + block - 1) / block
        var blockPeak = [Float](repeating: 0, count: blocks)
        for b in 0..<blocks {
            for i in (b * block)..<min(frames, (b + 1) * block) { blockPeak[b] = max(blockPeak[b], env[i]) }
        }
        let t = Self.halfTaps
        for b in 0..<blocks {
            let local = max(blockPeak[b], b > 0 ? blockPeak[b - 1] : 0, b + 1 < blocks ? blockPeak[b + 1] : 0)
            guard local * gainBound >= threshold else { continue }
            let first = b * block
            let last = min(frames, (b + 1) * block)
            for ch in audio.channels {
                ch.withUnsafeBufferPointer { x in
                    for n in first..<last {
                        // Taps n-t+1 ... n+t, clipped to the signal (zeros outside).
                        let lo = max(0, n - t + 1)
                        let hi = min(frames, n + t + 1)
                        for phase in coefficients {
                            var acc: Float = 0
                            for idx in lo..<hi { acc += x[idx] * phase[idx - (n - t + 1)] }
                            env[n] = max(env[n], abs(acc))
                        }
                    }
                }
            }
        }
        return env
    }
}
