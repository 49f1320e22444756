import FootfallCore
import Foundation

/// State of one tracked walker between frames.
struct WalkerTrack {
    let id: Int
    /// Crop for the next landmark inference (from this frame's smoothed auxiliary points).
    var roi: RotatedRect
    var lastSeen: Double
    var missingFrames = 0
    var body = LandmarkSmoother.body()
    var auxiliary = LandmarkSmoother.auxiliary()
    /// Hip centre and ROI side of the last sighting, for matching detections.
    var hip: Point2D
    var side: Double

    init(id: Int, roi: RotatedRect, time: Double) {
        self.id = id
        self.roi = roi
        lastSeen = time
        hip = Point2D(x: roi.centerX, y: roi.centerY)
        side = roi.width
    }

    /// True when a person with hip centre `otherHip` and ROI side `otherSide` is this walker.
    func isSamePerson(hip otherHip: Point2D, side otherSide: Double) -> Bool {
        let distance = ((hip.x - otherHip.x) * (hip.x - otherHip.x) + (hip.y - otherHip.y) * (hip.y - otherHip.y))
            .squareRoot()
        let ratio = side / max(otherSide, 1e-9)
        return distance < 0.25 * max(side, otherSide) && ratio > 0.6 && ratio < 1 / 0.6
    }

    mutating func resetSmoothing() {
        body = LandmarkSmoother.body()
        auxiliary = LandmarkSmoother.auxiliary()
    }
}
