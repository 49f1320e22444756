import Foundation

/// Short-time RMS of a mono signal: one value per hop, each over a window centred on the hop's start.
struct RMSEnvelope: Sendable {
    let values: [Float]
    let hop: Int

    init(_ signal: [Float], sampleRate: Int, windowSeconds: Double = 0.010, hopSeconds: Double = 0.0025) {
        let hop = max(1, Int(Double(sampleRate) * hopSeconds))
        let half = max(1, Int(Double(sampleRate) * windowSeconds) / 2)
        // Prefix sums of squares make every window O(1).
        var prefix = [Double](repeating: 0, count: signal.count + 1)
        for (i, x) in signal.enumerated() { prefix[i + 1] = prefix[i] + Double(x) * Double(x) }
        var values: [Float] = []
        values.reserveCapacity(signal.count / hop + 1)
        var centre = 0
        while centre < signal.count {
            let lo = max(0, centre - half)
            let hi = min(signal.count, centre + half)
            values.append(Float((max(0, prefix[hi] - prefix[lo]) / Double(max(1, hi - lo))).squareRoot()))
            centre += hop
        }
        self.values = values
        self.hop = hop
    }

    var count: Int { values.count }

    /// The sample index at the centre of frame `i`.
    func sample(ofFrame i: Int) -> Int { i * hop }

    /// The frame containing sample `s`.
    func frame(ofSample s: Int) -> Int { min(max(0, s / hop), max(0, count - 1)) }

    /// The value at quantile `q` (0...1).
    func quantile(_ q: Double) -> Float {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, max(0, Int(q * Double(sorted.count - 1))))]
    }

    static func decibels(_ x: Float) -> Double { 20 * log10(max(Double(x), 1e-9)) }
}
