import FootfallCore
import Foundation

/// Audio onsets (footstep attacks) for timing evaluation: high-pass, log-magnitude spectral flux, adaptive
/// median threshold, peak picking, then refinement on the time-domain envelope to the sample where the attack
/// leaves the background (the same definition the hand-checked ground truth uses).
public struct OnsetDetector: Sendable {
    public struct Options: Sendable, Equatable {
        /// High-pass cut-off (Hz): removes rumble and DC, keeps the thud's body.
        public var highPassHz: Double = 40
        public var frameSize = 1024
        /// Hop between spectral frames; the envelope refinement then resolves well below it.
        public var hop = 128
        /// Log compression `log(1 + γ·|X|)`.
        public var compression: Float = 100
        /// Median window of the adaptive threshold, seconds each side.
        public var medianWindow = 0.15
        /// A peak must exceed the local median by this fraction of the largest flux in the file…
        public var relativeThreshold = 0.15
        /// …and by this many robust deviations of the flux.
        public var deviations = 4.0
        /// Minimum time between onsets. A footstep's heel and toe (or scuff) layers come 30–120 ms apart and are one
        /// step: the first attack counts, later ones within this interval are part of it.
        public var minInterval = 0.12
        /// Envelope refinement: RMS window (s) and the rise above background (dB) that marks the onset.
        public var envelopeWindow = 0.002
        public var riseDB = 6.0
        public init() {}
    }

    public var options: Options

    public init(options: Options = .init()) {
        self.options = options
    }

    /// Onset times in seconds, sorted.
    public func detect(_ audio: AudioBuffer) -> [Double] {
        let rate = Double(audio.sampleRate)
        guard audio.frameCount > options.frameSize, rate > 0 else { return [] }
        let mono = Self.highPassed(Self.mono(audio), cutoff: options.highPassHz, rate: rate)
        let flux = spectralFlux(mono)
        let hopSeconds = Double(options.hop) / rate
        let peaks = pickPeaks(flux, hopSeconds: hopSeconds)
        let envelope = Self.trailingRMS(mono, window: max(1, Int(options.envelopeWindow * rate)))
        var onsets: [Double] = []
        for p in peaks {
            // Flux frame p compares the window starting at (p)·hop with the previous one: the attack lies inside.
            let frameStart = p * options.hop
            let lo = max(0, frameStart - options.hop)
            let hi = min(mono.count - 1, frameStart + options.frameSize)
            let t =
                refine(envelope, from: lo, to: hi, rate: rate) ?? (Double(frameStart + options.frameSize / 2) / rate)
            if let last = onsets.last, t - last < options.minInterval { continue }
            onsets.append(t)
        }
        return onsets
    }

    /// Spectral flux per hop: sum of positive log-magnitude increases over the previous frame (Hann window).
    func spectralFlux(_ x: [Float]) -> [Double] {
        let n = options.frameSize
        guard let fft = RealFFT(size: n) else { return [] }
        let window = (0..<n).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(n))) }
        var previous: [Float]?
        var flux: [Double] = []
        var start = 0
        while start + n <= x.count {
            let frame = (0..<n).map { x[start + $0] * window[$0] }
            let mags = fft.magnitudes(frame).map { log1p(options.compression * $0 / Float(n)) }
            if let previous {
                var sum: Float = 0
                for k in 0..<mags.count { sum += max(0, mags[k] - previous[k]) }
                flux.append(Double(sum))
            } else {
                flux.append(0)
            }
            previous = mags
            start += options.hop
        }
        return flux
    }

    /// Local maxima above an adaptive threshold (local median + max of a relative and a robust margin).
    func pickPeaks(_ flux: [Double], hopSeconds: Double) -> [Int] {
        guard let maxFlux = flux.max(), maxFlux > 0 else { return [] }
        let median = SignalMath.median(flux) ?? 0
        let mad = SignalMath.median(flux.map { abs($0 - median) }) ?? 0
        let margin = max(options.relativeThreshold * maxFlux, options.deviations * 1.4826 * mad)
        let w = max(1, Int(options.medianWindow / hopSeconds))
        let near = max(1, Int(0.03 / hopSeconds))
        var peaks: [Int] = []
        for i in flux.indices {
            let lo = max(0, i - near)
            let hi = min(flux.count - 1, i + near)
            guard flux[i] > 0, flux[i] == flux[lo...hi].max() else { continue }
            let local = SignalMath.median(Array(flux[max(0, i - w)...min(flux.count - 1, i + w)])) ?? 0
            guard flux[i] >= local + margin else { continue }
            if let last = peaks.last, Double(i - last) * hopSeconds < options.minInterval { continue }
            peaks.append(i)
        }
        return peaks
    }

    /// The sample (sub-sample, linear) where the envelope first rises `riseDB` above the background before its
    /// maximum inside `from...to`. Background = median envelope over the 100 ms before the search span.
    func refine(_ env: [Float], from: Int, to: Int, rate: Double) -> Double? {
        guard from < to else { return nil }
        var peakIndex = from
        for i in from...to where env[i] > env[peakIndex] { peakIndex = i }
        let bgStart = max(0, from - Int(0.1 * rate))
        let background = bgStart < from ? Double(SignalMath.median(env[bgStart..<from].map(Double.init)) ?? 0) : 0
        let level = max(background * pow(10, options.riseDB / 20), Double(env[peakIndex]) * 0.01, 1e-7)
        guard Double(env[peakIndex]) > level else { return nil }
        var i = peakIndex
        while i > from && Double(env[i - 1]) > level { i -= 1 }
        guard i > 0 else { return 0 }
        let a = Double(env[i - 1])
        let b = Double(env[i])
        let frac = b > a ? (level - a) / (b - a) : 0
        return (Double(i - 1) + min(max(frac, 0), 1)) / rate
    }

    static func mono(_ audio: AudioBuffer) -> [Float] {
        guard audio.channelCount > 1 else { return audio.channels.first ?? [] }
        var out = [Float](repeating: 0, count: audio.frameCount)
        for ch in audio.channels { for i in 0..<out.count { out[i] += ch[i] } }
        let k = 1 / Float(audio.channelCount)
        return out.map { $0 * k }
    }

    /// Causal second-order Butterworth high-pass (causal so no energy is smeared ahead of an attack).
    static func highPassed(_ x: [Float], cutoff: Double, rate: Double) -> [Float] {
        guard cutoff > 0, cutoff < rate / 2 else { return x }
        let k = tan(Double.pi * cutoff / rate)
        let norm = 1 / (1 + 2.0.squareRoot() * k + k * k)
        let b0 = norm
        let b1 = -2 * norm
        let b2 = norm
        let a1 = 2 * (k * k - 1) * norm
        let a2 = (1 - 2.0.squareRoot() * k + k * k) * norm
        var z1 = 0.0
        var z2 = 0.0
        return x.map { v in
            let xv = Double(v)
            let y = b0 * xv + z1
            z1 = b1 * xv - a1 * y + z2
            z2 = b2 * xv - a2 * y
            return Float(y)
        }
    }

    /// RMS over the `window` samples ending at each sample (trailing, so it rises at the attack, not before).
    static func trailingRMS(_ x: [Float], window: Int) -> [Float] {
        var out = [Float](repeating: 0, count: x.count)
        var acc = 0.0
        for i in x.indices {
            acc += Double(x[i] * x[i])
            if i >= window { acc -= Double(x[i - window] * x[i - window]) }
            out[i] = Float((max(acc, 0) / Double(min(i + 1, window))).squareRoot())
        }
        return out
    }
}
