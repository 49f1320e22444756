import CEbur128
import FootfallCore
import Foundation

/// Loudness and true peak by libebur128 (ITU-R BS.1770-4 / EBU R128).
public enum LoudnessMeter {
    public struct Measurement: Sendable, Equatable {
        /// Integrated loudness in LUFS; nil when every block is gated out (silence).
        public var integrated: Double?
        /// Maximum true peak over the channels in dBTP (4× oversampled at 48 kHz); nil for digital silence.
        public var truePeak: Double?
    }

    public static func measure(_ audio: AudioBuffer) throws -> Measurement {
        let channels = audio.channelCount
        guard channels > 0, audio.sampleRate > 0 else { return Measurement(integrated: nil, truePeak: nil) }
        let mode = Int32(EBUR128_MODE_I.rawValue | EBUR128_MODE_TRUE_PEAK.rawValue)
        guard var state = ebur128_init(UInt32(channels), UInt(audio.sampleRate), mode) else {
            throw FootfallError.failure("libebur128 could not start a loudness measurement (out of memory?)")
        }
        defer {
            var s: UnsafeMutablePointer<ebur128_state>? = state
            ebur128_destroy(&s)
        }
        if channels == 1 {
            // BS.1770 weights a mono programme as one front channel; keep the default (left) weighting.
            _ = ebur128_set_channel(state, 0, Int32(EBUR128_LEFT.rawValue))
        }
        try addFrames(audio, to: &state)

        var loudness = 0.0
        let integrated: Double?
        if ebur128_loudness_global(state, &loudness) == Int32(EBUR128_SUCCESS.rawValue), loudness.isFinite {
            integrated = loudness
        } else {
            integrated = nil
        }
        var peak = 0.0
        for c in 0..<channels {
            var p = 0.0
            if ebur128_true_peak(state, UInt32(c), &p) == Int32(EBUR128_SUCCESS.rawValue) { peak = max(peak, p) }
        }
        return Measurement(integrated: integrated, truePeak: peak > 0 ? 20 * log10(peak) : nil)
    }

    private static func addFrames(_ audio: AudioBuffer, to state: inout UnsafeMutablePointer<ebur128_state>)
        throws
    {
        let channels = audio.channelCount
        let total = audio.frameCount
        let chunk = 16_384
        var interleaved = [Float](repeating: 0, count: chunk * channels)
        var start = 0
        while start < total {
            let n = min(chunk, total - start)
            for c in 0..<channels {
                audio.channels[c].withUnsafeBufferPointer { src in
                    for i in 0..<n { interleaved[i * channels + c] = src[start + i] }
                }
            }
            let status = interleaved.withUnsafeBufferPointer { ebur128_add_frames_float(state, $0.baseAddress, n) }
            guard status == Int32(EBUR128_SUCCESS.rawValue) else {
                throw FootfallError.failure("libebur128 failed while measuring loudness (error \(status))")
            }
            start += n
        }
    }
}
