import FootfallCore
import Foundation

/// Where a walker was seen and how it was moving, to predict where it is while hidden.
struct WalkerMotion: Equatable {
    /// Hip centre (pixels).
    var hip: Point2D
    /// Side of the walker's crop (pixels): its apparent size, about 1.3× its height.
    var side: Double
    /// Hip velocity (pixels per second, smoothed).
    var velocity: Point2D
    /// When it was seen (seconds).
    var time: Double

    /// Where the hip centre should be at `later`, moving on at constant velocity.
    func predictedHip(at later: Double) -> Point2D {
        let dt = max(0, later - time)
        return Point2D(x: hip.x + velocity.x * dt, y: hip.y + velocity.y * dt)
    }
}
