import Foundation

/// Resamples irregularly timed samples (VFR video, dropped frames) onto a uniform grid so that the zero-phase
/// filter sees a constant sample rate; the grid is finer than the frame rate so extrema and threshold crossings
/// are located on real time, not frame indices.
struct TrajectoryGrid {
    let start: Double
    let step: Double
    let count: Int

    init(start: Double, end: Double, rate: Double) {
        self.start = start
        self.step = 1 / rate
        self.count = max(0, Int(((end - start) * rate).rounded(.down)) + 1)
    }

    func time(_ index: Double) -> Double { start + index * step }
    var times: [Double] { (0..<count).map { time(Double($0)) } }

    /// Linear interpolation of `(times[i], values[i])` where values are non-nil; grid points whose neighbouring
    /// valid samples are more than `maxGap` apart, or that lie outside the valid samples, are nil.
    func resample(times: [Double], values: [Double?], maxGap: Double) -> [Double?] {
        var pts: [(Double, Double)] = []
        for (t, v) in zip(times, values) { if let v, v.isFinite { pts.append((t, v)) } }
        var out = [Double?](repeating: nil, count: count)
        guard !pts.isEmpty else { return out }
        var j = 0
        for i in 0..<count {
            let t = time(Double(i))
            guard t >= pts[0].0 - 1e-9, t <= pts[pts.count - 1].0 + 1e-9 else { continue }
            while j + 1 < pts.count && pts[j + 1].0 < t { j += 1 }
            if j + 1 >= pts.count || abs(t - pts[j].0) < 1e-9 {
                out[i] = pts[j].1
                continue
            }
            let (t0, v0) = pts[j]
            let (t1, v1) = pts[j + 1]
            guard t1 - t0 <= maxGap else { continue }
            out[i] = t1 > t0 ? v0 + (v1 - v0) * (t - t0) / (t1 - t0) : v0
        }
        return out
    }

    /// Maximal index ranges where every given channel has a value.
    static func runs(_ channels: [[Double?]], minLength: Int) -> [Range<Int>] {
        guard let n = channels.first?.count else { return [] }
        var result: [Range<Int>] = []
        var runStart: Int?
        for i in 0...n {
            let ok = i < n && channels.allSatisfy { $0[i] != nil }
            if ok, runStart == nil { runStart = i }
            if !ok, let s = runStart {
                if i - s >= minLength { result.append(s..<i) }
                runStart = nil
            }
        }
        return result
    }
}
