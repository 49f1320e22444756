import FootfallCore
import Foundation

/// A rotated rectangle in upright-frame pixels: MediaPipe's NORM_RECT, de-normalized.
///
/// `rotation` is in radians, clockwise on screen (y points down). A crop point (u, v) in 0...1 maps to
/// `center + R(rotation) · ((u − 0.5)·width, (v − 0.5)·height)` with `R = [[cos, −sin], [sin, cos]]`.
public struct RotatedRect: Sendable, Equatable {
    public var centerX: Double
    public var centerY: Double
    public var width: Double
    public var height: Double
    public var rotation: Double

    public init(centerX: Double, centerY: Double, width: Double, height: Double, rotation: Double = 0) {
        self.centerX = centerX
        self.centerY = centerY
        self.width = width
        self.height = height
        self.rotation = rotation
    }

    /// The square person ROI MediaPipe builds from two alignment points (hip centre `start`, body-size point `end`):
    /// side `2·|end − start|·scale`, rotation that makes `end` point straight up.
    public static func alignment(start: Point2D, end: Point2D, scale: Double = 1.25) -> RotatedRect {
        let dx = end.x - start.x
        let dy = end.y - start.y
        let side = 2 * (dx * dx + dy * dy).squareRoot() * scale
        let rotation = normalizeAngle(Double.pi / 2 - atan2(-dy, dx))
        return RotatedRect(centerX: start.x, centerY: start.y, width: side, height: side, rotation: rotation)
    }

    /// The square that letterboxes a `width`×`height` region whose top-left corner is (`x`, `y`).
    public static func letterbox(x: Double = 0, y: Double = 0, width: Double, height: Double) -> RotatedRect {
        let side = max(width, height)
        return RotatedRect(centerX: x + width / 2, centerY: y + height / 2, width: side, height: side)
    }

    /// Frame pixel of the normalized crop point (u, v).
    @inlinable
    public func point(u: Double, v: Double) -> Point2D {
        let c = cos(rotation)
        let s = sin(rotation)
        let dx = (u - 0.5) * width
        let dy = (v - 0.5) * height
        return Point2D(x: centerX + c * dx - s * dy, y: centerY + s * dx + c * dy)
    }

    /// Axis-aligned bounds of the four corners.
    public var boundingBox: BoundingBox {
        let corners = [point(u: 0, v: 0), point(u: 1, v: 0), point(u: 1, v: 1), point(u: 0, v: 1)]
        let xs = corners.map(\.x)
        let ys = corners.map(\.y)
        let minX = xs.min() ?? centerX
        let minY = ys.min() ?? centerY
        return BoundingBox(x: minX, y: minY, width: (xs.max() ?? centerX) - minX, height: (ys.max() ?? centerY) - minY)
    }

    /// Angle in [−π, π).
    public static func normalizeAngle(_ angle: Double) -> Double {
        angle - 2 * Double.pi * floor((angle + Double.pi) / (2 * Double.pi))
    }
}

extension BoundingBox {
    /// Intersection over union; 0 when the boxes do not overlap or are empty.
    public func iou(_ other: BoundingBox) -> Double {
        let x0 = max(x, other.x)
        let y0 = max(y, other.y)
        let x1 = min(x + width, other.x + other.width)
        let y1 = min(y + height, other.y + other.height)
        guard x1 > x0, y1 > y0 else { return 0 }
        let intersection = (x1 - x0) * (y1 - y0)
        let union = width * height + other.width * other.height - intersection
        return union > 0 ? intersection / union : 0
    }

    /// Bounds of `points`, or nil when empty.
    public static func enclosing(_ points: [Point2D]) -> BoundingBox? {
        guard let first = points.first else { return nil }
        var minX = first.x
        var maxX = first.x
        var minY = first.y
        var maxY = first.y
        for p in points.dropFirst() {
            minX = min(minX, p.x)
            maxX = max(maxX, p.x)
            minY = min(minY, p.y)
            maxY = max(maxY, p.y)
        }
        return BoundingBox(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}
