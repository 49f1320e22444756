import FootfallCore
import Foundation

/// Draws walkers' skeletons, joints and ids into RGB frames (for overlay videos).
public struct SkeletonRenderer: Sendable {
    /// BlazePose's bone list (MediaPipe's POSE_CONNECTIONS).
    public static let bones: [(Int, Int)] = [
        (0, 1), (1, 2), (2, 3), (3, 7), (0, 4), (4, 5), (5, 6), (6, 8), (9, 10), (11, 12), (11, 13), (13, 15),
        (15, 17), (15, 19), (15, 21), (17, 19), (12, 14), (14, 16), (16, 18), (16, 20), (16, 22), (18, 20), (11, 23),
        (12, 24), (23, 24), (23, 25), (24, 26), (25, 27), (26, 28), (27, 29), (28, 30), (29, 31), (30, 32), (27, 31),
        (28, 32),
    ]
    static let palette: [(UInt8, UInt8, UInt8)] = [
        (255, 64, 64), (64, 200, 255), (255, 200, 0), (120, 255, 120), (255, 96, 255), (255, 150, 60),
        (160, 120, 255), (0, 230, 200),
    ]

    /// Joints below this visibility are not drawn.
    public var minVisibility: Double
    public var lineWidth: Int
    public var jointRadius: Int

    public init(minVisibility: Double = 0.3, lineWidth: Int = 2, jointRadius: Int = 3) {
        self.minVisibility = minVisibility
        self.lineWidth = lineWidth
        self.jointRadius = jointRadius
    }

    /// Draws every walker of `pose` onto `frame`.
    public func draw(_ pose: PoseFrame, on frame: inout RGBFrame) {
        var canvas = Canvas(width: frame.width, height: frame.height, pixels: frame.pixels)
        frame.pixels = []  // hand the buffer to the canvas without a copy
        for walker in pose.walkers { draw(walker, on: &canvas) }
        frame.pixels = canvas.pixels
    }

    func draw(_ walker: WalkerPose, on canvas: inout Canvas) {
        let color = Self.palette[((walker.walker % Self.palette.count) + Self.palette.count) % Self.palette.count]
        let points = walker.landmarks
        let shown = points.map { $0.visibility >= minVisibility && $0.x.isFinite && $0.y.isFinite }
        for (a, b) in Self.bones where a < points.count && b < points.count && shown[a] && shown[b] {
            canvas.line(from: points[a], to: points[b], width: lineWidth, color: color)
        }
        for (i, p) in points.enumerated() where shown[i] {
            canvas.disc(x: p.x, y: p.y, radius: Double(jointRadius), color: (255, 255, 255))
            canvas.disc(x: p.x, y: p.y, radius: Double(jointRadius) - 1, color: color)
        }
        let scale = max(2, Int(walker.box.height / 60))
        let label = String(walker.walker)
        let x = Int(walker.box.x + walker.box.width / 2) - label.count * 2 * scale
        let y = Int(walker.box.y) - 7 * scale
        canvas.text(label, x: x, y: y, scale: scale, color: color)
    }
}
