import FootfallCore

/// Which leg landmarks the other leg hides. In a side view the far leg passes behind the near one at mid-swing;
/// BlazePose then gives the far foot low visibility and a poor position. A far-leg point counts as hidden while it
/// lies, in the picture, within half a leg's width of a segment of the other leg that is nearer to the camera.
enum LegOcclusion {
    private static let left = [23, 25, 27, 29, 31]  // hip, knee, ankle, heel, foot index
    private static let right = [24, 26, 28, 30, 32]
    /// Segments of one leg as positions in `left` / `right`: thigh, shank, and the foot's three edges.
    private static let segments = [(0, 1), (1, 2), (2, 3), (3, 4), (2, 4)]
    /// How much nearer the covering segment must be, metres (legs side by side do not hide each other).
    private static let depthGap = 0.04

    /// Hidden landmark indices, from the true projections (x, y in pixels, depth in metres).
    static func hidden(_ p: [(x: Double, y: Double, depth: Double)], focal: Double, halfWidth: Double) -> Set<Int> {
        var out = Set<Int>()
        for (mine, other) in [(left, right), (right, left)] {
            for i in mine.dropFirst() {
                let q = p[i]
                for (a, b) in segments {
                    let pa = p[other[a]]
                    let pb = p[other[b]]
                    let dx = pb.x - pa.x
                    let dy = pb.y - pa.y
                    let len2 = dx * dx + dy * dy
                    let u = len2 > 1e-9 ? min(max(((q.x - pa.x) * dx + (q.y - pa.y) * dy) / len2, 0), 1) : 0
                    let depth = pa.depth + u * (pb.depth - pa.depth)
                    let ex = q.x - (pa.x + u * dx)
                    let ey = q.y - (pa.y + u * dy)
                    let reach = halfWidth * focal / max(depth, 0.1)
                    if q.depth > depth + depthGap && ex * ex + ey * ey < reach * reach {
                        out.insert(i)
                        break
                    }
                }
            }
        }
        return out
    }
}
