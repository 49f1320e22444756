import Foundation

/// A 3×3 rotation matrix (row-major), enough for BVH forward kinematics.
public struct Mat3: Sendable, Equatable {
    public var r0: Vec3
    public var r1: Vec3
    public var r2: Vec3

    public init(rows r0: Vec3, _ r1: Vec3, _ r2: Vec3) {
        self.r0 = r0
        self.r1 = r1
        self.r2 = r2
    }

    public static let identity = Mat3(rows: Vec3(1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, 1))

    /// Rotation by `degrees` about one coordinate axis (right-handed, as BVH defines it).
    public static func rotation(axis: BVHChannel.Axis, degrees: Double) -> Mat3 {
        let a = degrees * .pi / 180
        let c = cos(a)
        let s = sin(a)
        switch axis {
        case .x: return Mat3(rows: Vec3(1, 0, 0), Vec3(0, c, -s), Vec3(0, s, c))
        case .y: return Mat3(rows: Vec3(c, 0, s), Vec3(0, 1, 0), Vec3(-s, 0, c))
        case .z: return Mat3(rows: Vec3(c, -s, 0), Vec3(s, c, 0), Vec3(0, 0, 1))
        }
    }

    public var column0: Vec3 { Vec3(r0.x, r1.x, r2.x) }
    public var column1: Vec3 { Vec3(r0.y, r1.y, r2.y) }
    public var column2: Vec3 { Vec3(r0.z, r1.z, r2.z) }

    public static func * (m: Mat3, v: Vec3) -> Vec3 { Vec3(m.r0.dot(v), m.r1.dot(v), m.r2.dot(v)) }

    public static func * (a: Mat3, b: Mat3) -> Mat3 {
        let c0 = b.column0
        let c1 = b.column1
        let c2 = b.column2
        return Mat3(
            rows: Vec3(a.r0.dot(c0), a.r0.dot(c1), a.r0.dot(c2)), Vec3(a.r1.dot(c0), a.r1.dot(c1), a.r1.dot(c2)),
            Vec3(a.r2.dot(c0), a.r2.dot(c1), a.r2.dot(c2)))
    }
}
