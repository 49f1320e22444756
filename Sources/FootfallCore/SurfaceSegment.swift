/// A stretch of time over which one walker walks on one surface.
public struct SurfaceSegment: Codable, Sendable, Equatable {
    public enum Source: String, Codable, Sendable {
        case detected, override, fallback
    }

    /// nil: applies to every walker.
    public var walker: Int?
    public var start: Double
    public var end: Double
    public var surface: String
    public var confidence: Double
    public var source: Source

    public init(walker: Int?, start: Double, end: Double, surface: String, confidence: Double, source: Source) {
        self.walker = walker
        self.start = start
        self.end = end
        self.surface = surface
        self.confidence = confidence
        self.source = source
    }

    public func contains(time: Double, walker w: Int) -> Bool {
        (walker == nil || walker == w) && time >= start && time < end
    }
}

/// Whole-scene facts the mixer uses.
public enum SceneKind: String, Codable, Sendable {
    case indoor, outdoor, unknown
}
