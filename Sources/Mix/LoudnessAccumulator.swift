import CEbur128
import FootfallCore
import Foundation

/// libebur128 fed a block at a time: integrated loudness and true peak of a track that never sits in memory whole.
///
/// The true peak (4× oversampled) is most of libebur128's work and is found channel by channel, so for a stereo
/// track each channel's peak has a state of its own and the first runs on another core while the loudness and the
/// other channels are measured here: the same figures in about half the time (the mixer measures every limiter pass,
/// up to six a render).
final class LoudnessAccumulator {
    private var state: UnsafeMutablePointer<ebur128_state>
    private let channels: Int
    private var interleaved: [Float] = []
    /// One true-peak state per channel when there are two or more (empty: `state` measures the peak itself).
    private let peaks: [ChannelPeak]

    init(channels: Int, sampleRate: Int, mode: Int32) throws {
        let truePeak = Int32(EBUR128_MODE_TRUE_PEAK.rawValue)
        let splitPeaks = channels > 1 && mode & truePeak == truePeak
        // Without its peak bits the main state still measures M/S/I as asked (the M bit stays).
        let peakBits = Int32((1 << 5) | (1 << 4))
        guard channels > 0,
            let s = ebur128_init(UInt32(channels), UInt(sampleRate), splitPeaks ? mode & ~peakBits : mode)
        else {
            throw FootfallError.failure("libebur128 could not start a loudness measurement (out of memory?)")
        }
        state = s
        self.channels = channels
        do {
            peaks = splitPeaks ? try (0..<channels).map { _ in try ChannelPeak(sampleRate: sampleRate) } : []
        } catch {
            var s: UnsafeMutablePointer<ebur128_state>? = state
            ebur128_destroy(&s)
            throw error
        }
        if channels == 1 {
            // BS.1770 weights a mono programme as one front channel; keep the default (left) weighting.
            _ = ebur128_set_channel(state, 0, Int32(EBUR128_LEFT.rawValue))
        }
    }

    deinit {
        var s: UnsafeMutablePointer<ebur128_state>? = state
        ebur128_destroy(&s)
    }

    /// Adds one block (one array per channel).
    func add(_ block: [[Float]]) throws {
        try add(block, from: 0, count: block.first?.count ?? 0)
    }

    /// Adds `count` frames of `block` from `start` (callers that need the state between hops use this directly).
    func add(_ block: [[Float]], from start: Int, count n: Int) throws {
        guard n > 0 else { return }
        guard let first = peaks.first else { return try addLoudness(block, from: start, count: n) }
        _ = try inParallel({ try first.add(block[0], from: start, count: n) }) {
            try addLoudness(block, from: start, count: n)
            for c in 1..<peaks.count { try peaks[c].add(block[c], from: start, count: n) }
        }
    }

    /// Into the main state, in chunks so the interleaving buffer stays small.
    private func addLoudness(_ block: [[Float]], from start: Int, count total: Int) throws {
        let chunk = 16_384
        var done = 0
        while done < total {
            let n = min(chunk, total - done)
            if interleaved.count < n * channels { interleaved = [Float](repeating: 0, count: n * channels) }
            for c in 0..<channels {
                block[c].withUnsafeBufferPointer { src in
                    for i in 0..<n { interleaved[i * channels + c] = src[start + done + i] }
                }
            }
            let status = interleaved.withUnsafeBufferPointer { ebur128_add_frames_float(state, $0.baseAddress, n) }
            try Self.check(status)
            done += n
        }
    }

    static func check(_ status: Int32) throws {
        guard status == Int32(EBUR128_SUCCESS.rawValue) else {
            throw FootfallError.failure("libebur128 failed while measuring loudness (error \(status))")
        }
    }

    var measurement: LoudnessMeter.Measurement {
        var loudness = 0.0
        let integrated: Double? =
            ebur128_loudness_global(state, &loudness) == Int32(EBUR128_SUCCESS.rawValue) && loudness.isFinite
            ? loudness : nil
        var peak = 0.0
        if peaks.isEmpty {
            for c in 0..<channels {
                var p = 0.0
                if ebur128_true_peak(state, UInt32(c), &p) == Int32(EBUR128_SUCCESS.rawValue) { peak = max(peak, p) }
            }
        } else {
            for channel in peaks { peak = max(peak, channel.peak) }
        }
        return LoudnessMeter.Measurement(integrated: integrated, truePeak: peak > 0 ? 20 * log10(peak) : nil)
    }

    /// Short-term (3 s) loudness now, if the window is not silent.
    var shortTerm: Double? {
        var value = 0.0
        guard ebur128_loudness_shortterm(state, &value) == Int32(EBUR128_SUCCESS.rawValue), value.isFinite else {
            return nil
        }
        return value
    }
}

/// The true peak of one channel: a mono libebur128 state in true-peak mode. Used by one thread at a time (the
/// accumulator waits for it before the next block).
///
/// A footstep track is mostly quiet between the steps, and a stretch whose samples all lie 12 dB under the peak found
/// so far cannot raise it: the 4× interpolator's output is at most the sum of its taps' magnitudes (about 1.2) times
/// the largest sample it reads. Such stretches are not given to libebur128, which skips most of its work and finds
/// the same peak. Before the next loud stretch the last `history` samples go in first (the interpolator reads 12
/// back), so its delay line holds what it would have held; every value it computes in between is from quiet samples.
private final class ChannelPeak: @unchecked Sendable {
    static let chunk = 1024
    static let history = 64
    /// A stretch is left out when its loudest sample times this is under the peak so far.
    static let headroom: Float = 4

    private var state: UnsafeMutablePointer<ebur128_state>
    /// The signal's last `history` samples, given to libebur128 or not.
    private var recent = [Float](repeating: 0, count: history)
    private var skipping = false
    /// The true peak so far (linear).
    private(set) var peak: Double = 0

    init(sampleRate: Int) throws {
        guard let s = ebur128_init(1, UInt(sampleRate), Int32(EBUR128_MODE_TRUE_PEAK.rawValue)) else {
            throw FootfallError.failure("libebur128 could not start a true-peak measurement (out of memory?)")
        }
        state = s
    }

    deinit {
        var s: UnsafeMutablePointer<ebur128_state>? = state
        ebur128_destroy(&s)
    }

    func add(_ plane: [Float], from start: Int, count n: Int) throws {
        try plane.withUnsafeBufferPointer { samples in
            var a = start
            let end = start + n
            while a < end {
                let b = min(end, a + Self.chunk)
                var loudest: Float = 0
                for i in a..<b { loudest = max(loudest, abs(samples[i])) }
                for v in recent { loudest = max(loudest, abs(v)) }
                if Double(loudest * Self.headroom) < peak {
                    skipping = true
                } else {
                    if skipping {
                        try recent.withUnsafeBufferPointer { try feed($0.baseAddress!, Self.history) }
                        skipping = false
                    }
                    try feed(samples.baseAddress! + a, b - a)
                }
                if b - a >= Self.history {
                    recent = Array(samples[(b - Self.history)..<b])
                } else {
                    recent = Array((recent + samples[a..<b]).suffix(Self.history))
                }
                a = b
            }
        }
    }

    private func feed(_ samples: UnsafePointer<Float>, _ count: Int) throws {
        try LoudnessAccumulator.check(ebur128_add_frames_float(state, samples, count))
        var p = 0.0
        if ebur128_true_peak(state, 0, &p) == Int32(EBUR128_SUCCESS.rawValue) { peak = max(peak, p) }
    }
}
