public enum Foot: String, Codable, Sendable, CaseIterable {
    case left, right

    public var other: Foot { self == .left ? .right : .left }
}

public enum GaitEventKind: String, Codable, Sendable {
    case heelStrike = "heel_strike"
    case toeOff = "toe_off"
}

/// One foot contact. The JSON field names are the steps-JSON schema (version 1) and stay stable;
/// later stages fill the optional fields.
public struct StepEvent: Codable, Sendable, Equatable {
    /// Seconds from the start of the video (PTS based, sub-frame refined).
    public var time: Double
    /// Index of the frame nearest to `time`.
    public var frame: Int
    public var walker: Int
    public var foot: Foot
    /// 0...1
    public var confidence: Double
    public var kind: GaitEventKind
    /// Which detector produced the event ("zeni", "vertical", "manual", …).
    public var method: String?
    /// The cues that decided the event, e.g. `["stride:world"]` (see the README's steps JSON).
    public var cues: [String]?
    /// Foot position in upright-frame pixels at contact.
    public var position: Point2D?
    /// The walker's apparent height in pixels at contact (distance cue for the mixer).
    public var walkerHeight: Double?
    /// Surface name (see the sound backends' surfaces).
    public var surface: String?
    /// This step's shoe (a steps CSV's `shoe` column, or a hand-edited JSON); nil: the walker's or the render's.
    public var shoe: String?
    /// Relative step intensity 0...1 (from walking speed); nil means "normal".
    public var intensity: Double?
    /// Mix decisions, recorded so a re-render is reproducible and editable.
    public var gainDB: Double?
    public var pan: Double?

    public init(
        time: Double, frame: Int, walker: Int, foot: Foot, confidence: Double, kind: GaitEventKind = .heelStrike,
        method: String? = nil, position: Point2D? = nil, walkerHeight: Double? = nil, surface: String? = nil,
        intensity: Double? = nil, gainDB: Double? = nil, pan: Double? = nil, cues: [String]? = nil
    ) {
        self.cues = cues
        self.time = time
        self.frame = frame
        self.walker = walker
        self.foot = foot
        self.confidence = confidence
        self.kind = kind
        self.method = method
        self.position = position
        self.walkerHeight = walkerHeight
        self.surface = surface
        self.intensity = intensity
        self.gainDB = gainDB
        self.pan = pan
    }

    enum CodingKeys: String, CodingKey {
        case time, frame, walker, foot, confidence, kind, method, cues, position, surface, shoe, intensity, pan
        case walkerHeight = "walker_height"
        case gainDB = "gain_db"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        time = try c.decode(Double.self, forKey: .time)
        frame = try c.decodeIfPresent(Int.self, forKey: .frame) ?? 0
        walker = try c.decodeIfPresent(Int.self, forKey: .walker) ?? 0
        foot = try c.decode(Foot.self, forKey: .foot)
        confidence = try c.decodeIfPresent(Double.self, forKey: .confidence) ?? 1
        kind = try c.decodeIfPresent(GaitEventKind.self, forKey: .kind) ?? .heelStrike
        method = try c.decodeIfPresent(String.self, forKey: .method)
        cues = try c.decodeIfPresent([String].self, forKey: .cues)
        position = try c.decodeIfPresent(Point2D.self, forKey: .position)
        walkerHeight = try c.decodeIfPresent(Double.self, forKey: .walkerHeight)
        surface = try c.decodeIfPresent(String.self, forKey: .surface)
        shoe = try c.decodeIfPresent(String.self, forKey: .shoe)
        intensity = try c.decodeIfPresent(Double.self, forKey: .intensity)
        gainDB = try c.decodeIfPresent(Double.self, forKey: .gainDB)
        pan = try c.decodeIfPresent(Double.self, forKey: .pan)
    }
}
