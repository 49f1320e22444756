import Foundation

/// Decides from a walker's trajectories whether Zeni's method can see "forward" (side/oblique view) or whether
/// the walker moves mainly toward/away from the camera (frontal view), or not at all.
struct ViewClassifier {
    struct Result {
        var view: GaitView
        /// |pelvis speed across the picture| in walker heights per second.
        var lateralSpeed: Double
        /// d ln(height)/dt, 1/s (positive: approaching).
        var approachRate: Double
        /// Largest robust range (10th–90th percentile) of heel x minus pelvis x, in walker heights.
        var footExcursion: Double
        /// Largest robust range of heel y, in walker heights.
        var footVerticalExcursion: Double
        /// Correlation of the two heels' positions ahead of the pelvis (nil when both feet are rarely seen).
        var footCorrelation: Double?

        /// |pelvis velocity over the background| (the camera's motion taken out, when measured), walker heights per
        /// second; the median of each component, so that the body's bounce averages out.
        var groundSpeed: Double = 0
        var groundMeasured = false

        /// The walker moves across or through the picture (0.1 heights/s across, or 4 % of its size a second), or
        /// over the ground while a travelling or turning camera keeps them in place.
        var travels: Bool { lateralSpeed >= 0.1 || abs(approachRate) >= 0.04 || groundSpeed >= 0.1 }
    }

    /// Heel-to-pelvis excursion along x above which the gait is seen from the side: a side view shows ±0.2–0.3
    /// heights, a frontal view only sway (< 0.05).
    var sideExcursion = 0.12
    /// Side views need the heels in antiphase: their correlation at most this.
    var maxSideCorrelation = -0.2
    /// Below these the walker is not walking (standing, seated, swaying).
    var minExcursion = 0.04

    /// `background`: the camera's offset (`PoseFrame.camera`) on the signals' grid, nil where not measured.
    func classify(_ s: SegmentSignals, background: [(dx: Double, dy: Double)?] = []) -> Result {
        var lateral: [Double] = []
        var overGround: [(Double, Double)] = []
        var logH: [(Double, Double)] = []
        for run in s.bodyRuns {
            let px = run.map { s.pelvisX[$0] ?? 0 }
            let py = run.map { s.pelvisY[$0] ?? 0 }
            let v = SignalMath.derivative(px, dt: s.grid.step)
            let vy = SignalMath.derivative(py, dt: s.grid.step)
            let seen = run.allSatisfy { $0 < background.count && background[$0] != nil }
            let bx = seen ? SignalMath.derivative(run.map { background[$0]?.dx ?? 0 }, dt: s.grid.step) : []
            let by = seen ? SignalMath.derivative(run.map { background[$0]?.dy ?? 0 }, dt: s.grid.step) : []
            for (k, i) in run.enumerated() {
                if let h = s.height[i], h > 0 {
                    lateral.append(v[k] / h)
                    if seen { overGround.append(((v[k] - bx[k]) / h, (vy[k] - by[k]) / h)) }
                    logH.append((s.grid.time(Double(i)), log(h)))
                }
            }
        }
        let lateralSpeed = abs(SignalMath.median(lateral) ?? 0)
        var groundSpeed = 0.0
        if let gx = SignalMath.median(overGround.map(\.0)), let gy = SignalMath.median(overGround.map(\.1)) {
            groundSpeed = (gx * gx + gy * gy).squareRoot()
        }
        let approach = Self.slope(logH)
        var excursion = 0.0
        var vertical = 0.0
        var pairs: [(Double, Double)] = []
        for i in 0..<s.grid.count {
            if let l = s.feet[.left]?.heelX[i], let r = s.feet[.right]?.heelX[i], let px = s.pelvisX[i],
                let h = s.height[i],
                h > 0
            {
                pairs.append(((l - px) / h, (r - px) / h))
            }
        }
        let correlation = pairs.count >= Int(0.5 / s.grid.step) ? Self.correlation(pairs) : nil
        for foot in s.feet.values {
            var rel: [Double] = []
            var ys: [Double] = []
            for i in 0..<s.grid.count {
                if let hx = foot.heelX[i], let hy = foot.heelY[i], let px = s.pelvisX[i], let h = s.height[i], h > 0 {
                    rel.append((hx - px) / h)
                    ys.append(hy / h)
                }
            }
            if let lo = SignalMath.percentile(rel, 0.1), let hi = SignalMath.percentile(rel, 0.9) {
                excursion = max(excursion, hi - lo)
            }
            if let lo = SignalMath.percentile(ys, 0.1), let hi = SignalMath.percentile(ys, 0.9) {
                vertical = max(vertical, hi - lo)
            }
        }
        let view: GaitView
        // In a side view one heel is ahead while the other is behind: the two move in antiphase. Seen from the
        // front or back, lateral heel offsets only sway together (or are noise), whatever their range.
        let antiphase = correlation.map { $0 <= maxSideCorrelation } ?? true
        if excursion >= sideExcursion && antiphase {
            view = .side
        } else if vertical >= minExcursion || abs(approach) >= 0.05 {
            view = .frontal
        } else {
            view = .stationary
        }
        return Result(
            view: view, lateralSpeed: lateralSpeed, approachRate: approach, footExcursion: excursion,
            footVerticalExcursion: vertical, footCorrelation: correlation, groundSpeed: groundSpeed,
            groundMeasured: !overGround.isEmpty)
    }

    /// Pearson correlation; 0 when either side is constant.
    static func correlation(_ pts: [(Double, Double)]) -> Double {
        let n = Double(pts.count)
        guard n >= 2 else { return 0 }
        let mx = pts.reduce(0) { $0 + $1.0 } / n
        let my = pts.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (x, y) in pts {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
            syy += (y - my) * (y - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }

    /// Least-squares slope of y over x.
    static func slope(_ pts: [(Double, Double)]) -> Double {
        guard pts.count >= 2 else { return 0 }
        let n = Double(pts.count)
        let mx = pts.reduce(0) { $0 + $1.0 } / n
        let my = pts.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0
        var sxx = 0.0
        for (x, y) in pts {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
        }
        return sxx > 0 ? sxy / sxx : 0
    }
}
