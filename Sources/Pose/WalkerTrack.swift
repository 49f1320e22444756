import FootfallCore
import Foundation

/// State of one tracked walker between frames.
struct WalkerTrack {
    var id: Int
    /// Crop for the next landmark inference (from this frame's smoothed auxiliary points).
    var roi: RotatedRect
    var lastSeen: Double
    var missingFrames = 0
    var body = LandmarkSmoother.body()
    var auxiliary = LandmarkSmoother.auxiliary()
    var world = LandmarkSmoother.world()
    /// Hip centre and ROI side of the last sighting, for matching detections.
    var hip: Point2D
    var side: Double
    /// Hip velocity in pixels per second (smoothed), to predict where a hidden walker is.
    var velocity = Point2D(x: 0, y: 0)
    /// The last miss was the walker's body outside the picture (where the landmark model only extrapolates).
    var leftPicture = false
    /// Sightings of the last `historyTime` seconds before the last one, oldest first.
    private(set) var history: [WalkerMotion] = []
    static let historyTime = 0.6

    init(id: Int, roi: RotatedRect, time: Double) {
        self.id = id
        self.roi = roi
        lastSeen = time
        hip = Point2D(x: roi.centerX, y: roi.centerY)
        side = roi.width
    }

    /// The last sighting.
    var motion: WalkerMotion { WalkerMotion(hip: hip, side: side, velocity: velocity, time: lastSeen) }

    /// Where the hip centre should be at `time`, moving on at the last velocity (for a walker hidden since
    /// `lastSeen`).
    func predictedHip(at time: Double) -> Point2D {
        motion.predictedHip(at: time)
    }

    /// The oldest sighting of the last `WalkerTrack.historyTime` seconds (the last one when there is none): how the
    /// walker moved before its crop could drift onto someone else.
    var reference: WalkerMotion { history.first ?? motion }

    /// True when a person with hip centre `otherHip` and ROI side `otherSide`, seen at `time`, is this walker.
    /// The tolerance grows while the walker is hidden.
    func isSamePerson(hip otherHip: Point2D, side otherSide: Double, time: Double) -> Bool {
        let expected = predictedHip(at: time)
        let dx = expected.x - otherHip.x
        let dy = expected.y - otherHip.y
        let hidden = max(0, time - lastSeen)
        let tolerance = (0.25 + 0.3 * min(hidden, 2)) * max(side, otherSide)
        let ratio = side / max(otherSide, 1e-9)
        return (dx * dx + dy * dy).squareRoot() < tolerance && ratio > 0.6 && ratio < 1 / 0.6
    }

    /// Records a sighting: new crop, hip, size and velocity.
    mutating func update(roi next: RotatedRect, time: Double) {
        history.append(motion)
        history.removeAll { time - $0.time > Self.historyTime }
        let newHip = Point2D(x: next.centerX, y: next.centerY)
        let dt = time - lastSeen
        if dt > 0, dt < 1, missingFrames == 0 {
            let vx = (newHip.x - hip.x) / dt
            let vy = (newHip.y - hip.y) / dt
            velocity = Point2D(x: 0.7 * velocity.x + 0.3 * vx, y: 0.7 * velocity.y + 0.3 * vy)
        }
        roi = next
        hip = newHip
        side = next.width
        lastSeen = time
        missingFrames = 0
        leftPicture = false
    }

    /// The crop to try while the walker is hidden: the last one, moved along the walker's velocity.
    func predictedROI(at time: Double) -> RotatedRect {
        var moved = roi
        let expected = predictedHip(at: time)
        moved.centerX += expected.x - hip.x
        moved.centerY += expected.y - hip.y
        return moved
    }

    mutating func resetSmoothing() {
        body = LandmarkSmoother.body()
        auxiliary = LandmarkSmoother.auxiliary()
        world = LandmarkSmoother.world()
    }
}
