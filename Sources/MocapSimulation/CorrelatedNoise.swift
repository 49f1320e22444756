import FootfallCore
import Foundation

/// Unit-variance AR(1) noise channels with a correlation time in seconds (not frames), so the same options give
/// the same error statistics at 10 and at 60 fps and with variable frame intervals.
struct CorrelatedNoise: Sendable {
    private var state: [Double]
    private let correlationTime: Double

    init(channels: Int, correlationTime: Double, rng: inout SeededRandom) {
        state = (0..<channels).map { _ in rng.gaussian() }
        self.correlationTime = correlationTime
    }

    /// Moves every channel on by `dt` seconds.
    mutating func advance(by dt: Double, rng: inout SeededRandom) {
        let rho = correlationTime > 0 ? exp(-max(dt, 0) / correlationTime) : 0
        let fresh = (1 - rho * rho).squareRoot()
        for i in state.indices { state[i] = rho * state[i] + fresh * rng.gaussian() }
    }

    subscript(_ i: Int) -> Double { state[i] }
}
