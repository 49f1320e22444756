/// Square blocks of one thumbnail searched for in another by the sum of squared differences.
///
/// A block at (x, y) of `current` is compared with the pixels at (x − dx, y − dy) of `reference`: `(dx, dy)` is how
/// far the content moved from the reference to the current picture.
struct BlockMatcher {
    let current: GreyThumbnail
    let reference: GreyThumbnail
    let size: Int

    struct Match {
        var dx: Double
        var dy: Double
    }

    /// Mean squared difference at a whole-pixel shift; nil when the shifted block leaves the reference.
    func cost(x: Int, y: Int, dx: Int, dy: Int) -> Float? {
        let rx = x - dx
        let ry = y - dy
        guard rx >= 0, ry >= 0, rx + size <= reference.width, ry + size <= reference.height,
            x >= 0, y >= 0, x + size <= current.width, y + size <= current.height
        else { return nil }
        var sum: Float = 0
        current.pixels.withUnsafeBufferPointer { cur in
            reference.pixels.withUnsafeBufferPointer { ref in
                for row in 0..<size {
                    let c = (y + row) * current.width + x
                    let r = (ry + row) * reference.width + rx
                    for col in 0..<size {
                        let d = cur[c + col] - ref[r + col]
                        sum += d * d
                    }
                }
            }
        }
        return sum / Float(size * size)
    }

    /// The best shift within `radius` of (`centerX`, `centerY`), to a fraction of a pixel when `subpixel` (a parabola
    /// through the costs either side of the best whole shift). Nil when the best lies on the edge of the window
    /// (the true shift may be further out) or nothing in the window fits inside the reference.
    func best(x: Int, y: Int, centerX: Int, centerY: Int, radius: Int, subpixel: Bool) -> Match? {
        let side = 2 * radius + 1
        var costs = [Float](repeating: .infinity, count: side * side)
        var bestIndex = -1
        for j in 0..<side {
            for i in 0..<side {
                guard let c = cost(x: x, y: y, dx: centerX + i - radius, dy: centerY + j - radius) else { continue }
                costs[j * side + i] = c
                if bestIndex < 0 || c < costs[bestIndex] { bestIndex = j * side + i }
            }
        }
        guard bestIndex >= 0 else { return nil }
        let bi = bestIndex % side
        let bj = bestIndex / side
        guard bi > 0, bj > 0, bi < side - 1, bj < side - 1 else { return nil }
        var match = Match(dx: Double(centerX + bi - radius), dy: Double(centerY + bj - radius))
        if subpixel {
            match.dx += Self.vertex(costs[bestIndex - 1], costs[bestIndex], costs[bestIndex + 1])
            match.dy += Self.vertex(costs[bestIndex - side], costs[bestIndex], costs[bestIndex + side])
        }
        return match
    }

    /// Offset of a parabola's lowest point from the middle of three equally spaced samples, within ±0.5.
    static func vertex(_ left: Float, _ middle: Float, _ right: Float) -> Double {
        let curvature = left - 2 * middle + right
        guard curvature > 0, left.isFinite, right.isFinite else { return 0 }
        return Double(min(max((left - right) / (2 * curvature), -0.5), 0.5))
    }

    /// The weaker of the block's two gradient directions (the smaller eigenvalue of its structure tensor, per pixel,
    /// in grey levels²): low for a blank patch, and for a lone straight edge, which fixes the shift across it only.
    func texture(x: Int, y: Int) -> Double {
        let w = current.width
        guard x >= 1, y >= 1, x + size < w, y + size < current.height else { return 0 }
        var sxx: Float = 0
        var syy: Float = 0
        var sxy: Float = 0
        current.pixels.withUnsafeBufferPointer { p in
            for row in y..<(y + size) {
                for col in x..<(x + size) {
                    let o = row * w + col
                    let gx = (p[o + 1] - p[o - 1]) / 2
                    let gy = (p[o + w] - p[o - w]) / 2
                    sxx += gx * gx
                    syy += gy * gy
                    sxy += gx * gy
                }
            }
        }
        let n = Double(size * size)
        let a = Double(sxx) / n
        let b = Double(syy) / n
        let c = Double(sxy) / n
        return (a + b) / 2 - (((a - b) / 2) * ((a - b) / 2) + c * c).squareRoot()
    }
}
