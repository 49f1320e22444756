/// The size decoded frames come out at. Sizes are of the upright picture (after rotation).
public enum FrameSize: Sendable, Equatable {
    /// The video's own upright size.
    case original
    /// Scaled down (never up) so the longer side is at most `maxDimension`, keeping the aspect ratio.
    case fit(maxDimension: Int)
    /// Exactly this upright size (aspect ratio not kept).
    case exact(width: Int, height: Int)

    /// The upright output size for an upright source of `width` × `height`.
    public func resolve(width: Int, height: Int) -> (width: Int, height: Int) {
        switch self {
        case .original:
            return (width, height)
        case .fit(let maxDimension):
            let longer = max(width, height)
            guard maxDimension > 0, longer > maxDimension else { return (width, height) }
            let scale = Double(maxDimension) / Double(longer)
            return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
        case .exact(let w, let h):
            return (max(1, w), max(1, h))
        }
    }
}
