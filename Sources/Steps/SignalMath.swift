import Foundation

/// Small numeric helpers shared by the gait methods.
enum SignalMath {
    static func median(_ values: [Double]) -> Double? { percentile(values, 0.5) }

    /// Linear-interpolated percentile, `q` in 0...1; nil for no finite values.
    static func percentile(_ values: [Double], _ q: Double) -> Double? {
        let v = values.filter(\.isFinite).sorted()
        guard !v.isEmpty else { return nil }
        let pos = min(max(q, 0), 1) * Double(v.count - 1)
        let lo = Int(pos.rounded(.down))
        let hi = min(lo + 1, v.count - 1)
        return v[lo] + (v[hi] - v[lo]) * (pos - Double(lo))
    }

    /// Central-difference derivative on a uniform grid with spacing `dt`.
    static func derivative(_ x: [Double], dt: Double) -> [Double] {
        let n = x.count
        guard n >= 2 else { return [Double](repeating: 0, count: n) }
        var d = [Double](repeating: 0, count: n)
        d[0] = (x[1] - x[0]) / dt
        d[n - 1] = (x[n - 1] - x[n - 2]) / dt
        if n > 2 { for i in 1..<(n - 1) { d[i] = (x[i + 1] - x[i - 1]) / (2 * dt) } }
        return d
    }

    /// Sub-sample offset (−0.5…0.5) of the extremum of the parabola through three equally spaced samples.
    static func parabolicOffset(_ a: Double, _ b: Double, _ c: Double) -> Double {
        let denom = a - 2 * b + c
        guard denom != 0, denom.isFinite else { return 0 }
        return min(max(0.5 * (a - c) / denom, -0.5), 0.5)
    }

    /// Indices of local maxima whose prominence (height above the higher of the two surrounding minima, each taken
    /// up to a higher sample or the end) is at least `minProminence`; then greedy suppression of maxima closer than
    /// `minDistance` samples, keeping the more prominent.
    static func peaks(_ x: [Double], minProminence: Double, minDistance: Int) -> [(index: Int, prominence: Double)] {
        let n = x.count
        guard n >= 3 else { return [] }
        var found: [(index: Int, prominence: Double)] = []
        var i = 1
        while i < n - 1 {
            guard x[i] > x[i - 1] else {
                i += 1
                continue
            }
            // Plateaus: take the middle of equal samples.
            var j = i
            while j + 1 < n && x[j + 1] == x[i] { j += 1 }
            if j + 1 < n && x[j + 1] < x[i] {
                let peak = (i + j) / 2
                var leftMin = x[i]
                var k = i - 1
                while k >= 0 && x[k] <= x[i] {
                    leftMin = min(leftMin, x[k])
                    k -= 1
                }
                var rightMin = x[i]
                k = j + 1
                while k < n && x[k] <= x[i] {
                    rightMin = min(rightMin, x[k])
                    k += 1
                }
                let prominence = x[i] - max(leftMin, rightMin)
                if prominence >= minProminence { found.append((peak, prominence)) }
            }
            i = j + 1
        }
        guard minDistance > 1 else { return found }
        var kept: [(index: Int, prominence: Double)] = []
        for candidate in found.sorted(by: { $0.prominence > $1.prominence })
        where !kept.contains(where: { abs($0.index - candidate.index) < minDistance }) {
            kept.append(candidate)
        }
        return kept.sorted { $0.index < $1.index }
    }

    /// Replaces isolated outliers (Hampel filter): a sample further than `k` robust deviations (and at least
    /// `floor`) from the median of its ±`half` neighbours becomes that median. Pose models glitch for single
    /// frames (left/right swaps); a low-pass alone would smear such a glitch into a fake extremum.
    static func hampel(_ x: [Double], half: Int, k: Double, floor: Double) -> [Double] {
        let n = x.count
        guard n > 2 * half else { return x }
        var y = x
        for i in 0..<n {
            let lo = max(0, i - half)
            let hi = min(n - 1, i + half)
            let window = Array(x[lo...hi])
            guard let m = median(window) else { continue }
            let mad = median(window.map { abs($0 - m) }) ?? 0
            if abs(x[i] - m) > max(k * 1.4826 * mad, floor) { y[i] = m }
        }
        return y
    }
}
