import Foundation

/// The capture floor as a plane y = a·x + b·z + c. CMU captures are not level in the file's Y: stance feet rise or
/// sink by ~0.5–2 cm per metre walked, which would show as a foot sinking into the ground over a clip. Fitted the
/// way `check.py` fits it (through the samples where a foot is still, slopes only along directions the samples
/// span by more than a metre, clamped to ±5 %), but through the balls of the feet only, whose stance level is the
/// sole's.
public struct FloorPlane: Sendable, Equatable {
    public var slopeX: Double
    public var slopeZ: Double
    public var intercept: Double

    public func height(of p: Vec3) -> Double { p.y - (slopeX * p.x + slopeZ * p.z + intercept) }
    /// The point with the floor moved to y = 0 (a shear; the slopes are small enough that lengths do not change).
    public func levelled(_ p: Vec3) -> Vec3 { Vec3(p.x, height(of: p), p.z) }

    public static func fit(ballTracks: [[Vec3]], sampleInterval dt: Double) -> FloorPlane {
        var points: [Vec3] = []
        for track in ballTracks where track.count > 2 {
            for i in 1..<(track.count - 1) {
                let speed = (track[i + 1] - track[i - 1]).length / (2 * dt)
                if speed < 0.2 { points.append(track[i]) }
            }
        }
        guard points.count >= 10 else {
            let ys = ballTracks.flatMap { $0.map(\.y) }
            return FloorPlane(slopeX: 0, slopeZ: 0, intercept: BVHClipReader.percentile(ys, 0.02))
        }
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + $1.x } / n
        let mz = points.reduce(0) { $0 + $1.z } / n
        // Principal horizontal directions of the still samples (2×2 symmetric eigenvectors).
        var sxx = 0.0
        var sxz = 0.0
        var szz = 0.0
        for p in points {
            sxx += (p.x - mx) * (p.x - mx)
            sxz += (p.x - mx) * (p.z - mz)
            szz += (p.z - mz) * (p.z - mz)
        }
        let angle = 0.5 * atan2(2 * sxz, sxx - szz)
        let axes = [(cos(angle), sin(angle)), (-sin(angle), cos(angle))]
        let coords = points.map { p in axes.map { (p.x - mx) * $0.0 + (p.z - mz) * $0.1 } }
        let spans = (0..<2).filter { k in
            let v = coords.map { $0[k] }
            return (v.max() ?? 0) - (v.min() ?? 0) > 1.0
        }
        var keep = [Bool](repeating: true, count: points.count)
        var slopes = [0.0, 0.0]
        var level = 0.0
        for _ in 0..<4 {
            // Least squares y = Σ s_k·u_k + c over the kept samples, only along the spanned directions.
            let fitted = leastSquares(
                rows: points.indices.filter { keep[$0] }.map { i in spans.map { coords[i][$0] } + [1] },
                targets: points.indices.filter { keep[$0] }.map { points[$0].y })
            slopes = [0, 0]
            for (j, k) in spans.enumerated() { slopes[k] = min(max(fitted[j], -0.05), 0.05) }
            let resid = points.indices.map { i in points[i].y - slopes[0] * coords[i][0] - slopes[1] * coords[i][1] }
            let kept = points.indices.filter { keep[$0] }.map { resid[$0] }
            level = BVHClipReader.percentile(kept, 0.2)
            keep = resid.map { $0 < level + 0.04 }
            level = BVHClipReader.percentile(points.indices.filter { keep[$0] }.map { resid[$0] }, 0.5)
        }
        // Back from the principal axes to x/z, and the intercept for absolute coordinates.
        let ax = slopes[0] * axes[0].0 + slopes[1] * axes[1].0
        let az = slopes[0] * axes[0].1 + slopes[1] * axes[1].1
        return FloorPlane(slopeX: ax, slopeZ: az, intercept: level - ax * mx - az * mz)
    }

    /// Normal equations for a handful of unknowns (Gaussian elimination; the systems here are ≤ 3×3).
    static func leastSquares(rows: [[Double]], targets: [Double]) -> [Double] {
        guard let m = rows.first?.count, m > 0 else { return [] }
        var a = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: m)
        for (r, t) in zip(rows, targets) {
            for i in 0..<m {
                for j in 0..<m { a[i][j] += r[i] * r[j] }
                a[i][m] += r[i] * t
            }
        }
        for col in 0..<m {
            let pivot = (col..<m).max { abs(a[$0][col]) < abs(a[$1][col]) } ?? col
            a.swapAt(col, pivot)
            guard abs(a[col][col]) > 1e-12 else { continue }
            for row in 0..<m where row != col {
                let f = a[row][col] / a[col][col]
                for j in col...m { a[row][j] -= f * a[col][j] }
            }
        }
        return (0..<m).map { abs(a[$0][$0]) > 1e-12 ? a[$0][m] / a[$0][$0] : 0 }
    }
}
