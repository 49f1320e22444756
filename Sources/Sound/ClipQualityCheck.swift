import Foundation

/// Rejects generated clips that cannot give footsteps: too short, silent, clipped, or steady noise.
///
/// Stable Audio Open sometimes returns near-silence or a wash of noise; a footstep clip is impulsive (high crest
/// factor) and has quiet gaps between steps (a wide spread between loud and quiet envelope frames).
public struct ClipQualityCheck: Sendable {
    public var minDuration = 0.5
    /// Whole-clip RMS below this (dBFS) is silence.
    public var rmsFloorDB = -55.0
    /// More than this fraction of samples at full scale is clipping.
    public var maxClipRatio = 0.005
    /// Peak over RMS below this is noise or a tone, not footsteps (Gaussian noise sits near 4–5, steps well above).
    public var minCrestFactor = 3.5
    /// Loud (90th percentile) over quiet (10th percentile) 10 ms envelope frames, in dB, below this is steady noise.
    public var minEnvelopeRangeDB = 15.0

    public init() {}

    /// Why `mono` is unusable, or nil when it passes.
    public func problem(in mono: [Float], sampleRate: Int) -> String? {
        let duration = Double(mono.count) / Double(max(1, sampleRate))
        if duration < minDuration {
            return String(format: "too short (%.2f s, need %.2f s)", duration, minDuration)
        }
        var sumSquares = 0.0
        var peak: Float = 0
        var clipped = 0
        for x in mono {
            let a = abs(x)
            sumSquares += Double(x) * Double(x)
            peak = max(peak, a)
            if a >= 0.999 { clipped += 1 }
        }
        let rms = (sumSquares / Double(mono.count)).squareRoot()
        let rmsDB = 20 * log10(max(rms, 1e-12))
        if rmsDB < rmsFloorDB { return String(format: "silent (RMS %.1f dBFS, floor %.0f dBFS)", rmsDB, rmsFloorDB) }
        let clipRatio = Double(clipped) / Double(mono.count)
        if clipRatio > maxClipRatio {
            return String(format: "clipped (%.1f %% of samples at full scale)", clipRatio * 100)
        }
        let crest = Double(peak) / rms
        if crest < minCrestFactor {
            return String(format: "noise, not steps (crest factor %.1f, need %.1f)", crest, minCrestFactor)
        }
        let envelope = RMSEnvelope(mono, sampleRate: sampleRate)
        let range = RMSEnvelope.decibels(envelope.quantile(0.9)) - RMSEnvelope.decibels(envelope.quantile(0.1))
        if range < minEnvelopeRangeDB {
            return String(
                format: "steady sound without separate steps (envelope range %.1f dB, need %.0f dB)", range,
                minEnvelopeRangeDB)
        }
        return nil
    }
}
