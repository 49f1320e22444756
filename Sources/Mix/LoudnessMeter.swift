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

    static let integratedMode = Int32(EBUR128_MODE_I.rawValue | EBUR128_MODE_TRUE_PEAK.rawValue)

    /// Reads the source a block at a time.
    public static func measure(_ audio: any AudioBlockSource) throws -> Measurement {
        guard audio.channelCount > 0, audio.sampleRate > 0 else { return Measurement(integrated: nil, truePeak: nil) }
        let meter = try LoudnessAccumulator(
            channels: audio.channelCount, sampleRate: audio.sampleRate, mode: integratedMode)
        try audio.forEachBlock { _, block in try meter.add(block) }
        return meter.measurement
    }
}
