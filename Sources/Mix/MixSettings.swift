/// How the mixer renders: room, loudness and peak limits.
public struct MixSettings: Sendable, Equatable {
    /// No room reverb (the stems are always dry).
    public var dry: Bool
    /// false: leave the level as placed (no loudness normalization, no limiter).
    public var normalize: Bool
    public var loudness: LoudnessTarget
    /// Maximum true peak in dBTP after limiting.
    public var truePeakCeiling: Double
    public var sampleRate: Int

    public init(
        dry: Bool = false, normalize: Bool = true, loudness: LoudnessTarget = .ebuR128, truePeakCeiling: Double = -1,
        sampleRate: Int = 48_000
    ) {
        self.dry = dry
        self.normalize = normalize
        self.loudness = loudness
        self.truePeakCeiling = min(truePeakCeiling, 0)
        self.sampleRate = sampleRate
    }
}
