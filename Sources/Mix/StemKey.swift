import FootfallCore

/// One stem: the steps of one walker's one foot, or of one foot of all the walkers without a stem of their own.
public struct StemKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// nil: the walkers beyond the ones with their own stems.
    public var walker: Int?
    public var foot: Foot

    public init(walker: Int?, foot: Foot) {
        self.walker = walker
        self.foot = foot
    }

    /// "walker3.left" or "others.left": the part of the stem file name after the base name.
    public var description: String { "\(walker.map { "walker\($0)" } ?? "others").\(foot.rawValue)" }

    public static func < (a: StemKey, b: StemKey) -> Bool {
        (a.walker ?? .max, a.foot == .left ? 0 : 1) < (b.walker ?? .max, b.foot == .left ? 0 : 1)
    }
}
