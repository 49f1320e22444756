import CEbur128
import FootfallCore
import Foundation

/// libebur128 fed a block at a time: integrated loudness and true peak of a track that never sits in memory whole.
final class LoudnessAccumulator {
    private var state: UnsafeMutablePointer<ebur128_state>
    private let channels: Int
    private var interleaved: [Float] = []

    init(channels: Int, sampleRate: Int, mode: Int32) throws {
        guard channels > 0, let s = ebur128_init(UInt32(channels), UInt(sampleRate), mode) else {
            throw FootfallError.failure("libebur128 could not start a loudness measurement (out of memory?)")
        }
        state = s
        self.channels = channels
        if channels == 1 {
            // BS.1770 weights a mono programme as one front channel; keep the default (left) weighting.
            _ = ebur128_set_channel(state, 0, Int32(EBUR128_LEFT.rawValue))
        }
    }

    deinit {
        var s: UnsafeMutablePointer<ebur128_state>? = state
        ebur128_destroy(&s)
    }

    /// Adds one block (one array per channel), in chunks so the interleaving buffer stays small.
    func add(_ block: [[Float]]) throws {
        let total = block.first?.count ?? 0
        let chunk = 16_384
        var start = 0
        while start < total {
            let n = min(chunk, total - start)
            try add(block, from: start, count: n)
            start += n
        }
    }

    /// Adds `count` frames of `block` from `start` (callers that need the state between hops use this directly).
    func add(_ block: [[Float]], from start: Int, count n: Int) throws {
        if interleaved.count < n * channels { interleaved = [Float](repeating: 0, count: n * channels) }
        for c in 0..<channels {
            block[c].withUnsafeBufferPointer { src in
                for i in 0..<n { interleaved[i * channels + c] = src[start + i] }
            }
        }
        let status = interleaved.withUnsafeBufferPointer { ebur128_add_frames_float(state, $0.baseAddress, n) }
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
        for c in 0..<channels {
            var p = 0.0
            if ebur128_true_peak(state, UInt32(c), &p) == Int32(EBUR128_SUCCESS.rawValue) { peak = max(peak, p) }
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
