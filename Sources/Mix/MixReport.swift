/// What the mixer did, with the measured figures (for logs and the render summary).
public struct MixReport: Sendable, Equatable, Codable {
    public var placedSteps: Int
    /// Steps outside the sound track (before 0 or after the end) that were not placed.
    public var skippedSteps: Int
    /// "dry", "indoor room", "outdoor early reflections", …
    public var room: String
    public var targetLoudness: Double?
    /// Integrated loudness of the final mix in LUFS; nil when it is silent (everything gated out).
    public var integratedLoudness: Double?
    /// Maximum true peak of the final mix in dBTP (libebur128), nil when silent.
    public var truePeak: Double?
    /// Gain the loudness normalization applied in dB.
    public var normalizationGain: Double
    /// Largest gain reduction of the true-peak limiter in dB (0 when it never acted).
    public var limiterReduction: Double
    public var stemGain: Double

    public init(
        placedSteps: Int = 0, skippedSteps: Int = 0, room: String = "dry", targetLoudness: Double? = nil,
        integratedLoudness: Double? = nil, truePeak: Double? = nil, normalizationGain: Double = 0,
        limiterReduction: Double = 0, stemGain: Double = 0
    ) {
        self.placedSteps = placedSteps
        self.skippedSteps = skippedSteps
        self.room = room
        self.targetLoudness = targetLoudness
        self.integratedLoudness = integratedLoudness
        self.truePeak = truePeak
        self.normalizationGain = normalizationGain
        self.limiterReduction = limiterReduction
        self.stemGain = stemGain
    }

    enum CodingKeys: String, CodingKey {
        case room
        case placedSteps = "placed_steps"
        case skippedSteps = "skipped_steps"
        case targetLoudness = "target_loudness"
        case integratedLoudness = "integrated_loudness"
        case truePeak = "true_peak"
        case normalizationGain = "normalization_gain_db"
        case limiterReduction = "limiter_reduction_db"
        case stemGain = "stem_gain_db"
    }
}
