import CEbur128
import FootfallCore
import Foundation

extension LoudnessMeter {
    /// Short-term loudness (3 s window, EBU R128) every `step` seconds, for plots. Points where the window is
    /// silent are left out.
    public static func shortTermCurve(_ audio: AudioBuffer, step: Double = 0.1) throws -> [(time: Double, lufs: Double)]
    {
        let channels = audio.channelCount
        guard channels > 0, audio.sampleRate > 0, audio.frameCount > 0 else { return [] }
        guard let state = ebur128_init(UInt32(channels), UInt(audio.sampleRate), Int32(EBUR128_MODE_S.rawValue)) else {
            throw FootfallError.failure("libebur128 could not start a loudness measurement (out of memory?)")
        }
        defer {
            var s: UnsafeMutablePointer<ebur128_state>? = state
            ebur128_destroy(&s)
        }
        let hop = max(1, Int(step * Double(audio.sampleRate)))
        var interleaved = [Float](repeating: 0, count: hop * channels)
        var curve: [(time: Double, lufs: Double)] = []
        var start = 0
        while start < audio.frameCount {
            let n = min(hop, audio.frameCount - start)
            for c in 0..<channels {
                audio.channels[c].withUnsafeBufferPointer { src in
                    for i in 0..<n { interleaved[i * channels + c] = src[start + i] }
                }
            }
            _ = interleaved.withUnsafeBufferPointer { ebur128_add_frames_float(state, $0.baseAddress, n) }
            start += n
            var value = 0.0
            if ebur128_loudness_shortterm(state, &value) == Int32(EBUR128_SUCCESS.rawValue), value.isFinite, value > -70
            {
                curve.append((Double(start) / Double(audio.sampleRate), value))
            }
        }
        return curve
    }
}
