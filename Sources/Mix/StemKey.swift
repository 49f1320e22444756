import FootfallCore

/// One stem: the steps of one walker's one foot.
public struct StemKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var walker: Int
    public var foot: Foot

    public init(walker: Int, foot: Foot) {
        self.walker = walker
        self.foot = foot
    }

    /// "walker3.left": the part of the stem file name after the base name.
    public var description: String { "walker\(walker).\(foot.rawValue)" }

    public static func < (a: StemKey, b: StemKey) -> Bool {
        (a.walker, a.foot == .left ? 0 : 1) < (b.walker, b.foot == .left ? 0 : 1)
    }
}
