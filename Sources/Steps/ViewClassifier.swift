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
    }

    /// Heel-to-pelvis excursion along x above which the gait is seen from the side: a side view shows ±0.2–0.3
    /// heights, a frontal view only sway (< 0.05).
    var sideExcursion = 0.12
    /// Below these the walker is not walking (standing, seated, swaying).
    var minExcursion = 0.04

    func classify(_ s: SegmentSignals) -> Result {
        var lateral: [Double] = []
        var logH: [(Double, Double)] = []
        for run in s.bodyRuns {
            let px = run.map { s.pelvisX[$0] ?? 0 }
            let v = SignalMath.derivative(px, dt: s.grid.step)
            for (k, i) in run.enumerated() {
                if let h = s.height[i], h > 0 {
                    lateral.append(v[k] / h)
                    logH.append((s.grid.time(Double(i)), log(h)))
                }
            }
        }
        let lateralSpeed = abs(SignalMath.median(lateral) ?? 0)
        let approach = Self.slope(logH)
        var excursion = 0.0
        var vertical = 0.0
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
        if excursion >= sideExcursion {
            view = .side
        } else if vertical >= minExcursion || abs(approach) >= 0.05 {
            view = .frontal
        } else {
            view = .stationary
        }
        return Result(
            view: view, lateralSpeed: lateralSpeed, approachRate: approach, footExcursion: excursion,
            footVerticalExcursion: vertical)
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
