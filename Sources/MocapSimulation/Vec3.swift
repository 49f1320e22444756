import Foundation

/// A 3-D vector in metres (or BVH units while parsing). Small and value-typed so per-frame math stays cheap.
public struct Vec3: Sendable, Equatable, Codable {
    public var x: Double
    public var y: Double
    public var z: Double

    public init(_ x: Double, _ y: Double, _ z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }

    public static let zero = Vec3(0, 0, 0)
    /// The mocap world's up axis (CMU BVH files are Y up).
    public static let up = Vec3(0, 1, 0)

    public static func + (a: Vec3, b: Vec3) -> Vec3 { Vec3(a.x + b.x, a.y + b.y, a.z + b.z) }
    public static func - (a: Vec3, b: Vec3) -> Vec3 { Vec3(a.x - b.x, a.y - b.y, a.z - b.z) }
    public static func * (a: Vec3, s: Double) -> Vec3 { Vec3(a.x * s, a.y * s, a.z * s) }
    public static func * (s: Double, a: Vec3) -> Vec3 { a * s }
    public static prefix func - (a: Vec3) -> Vec3 { Vec3(-a.x, -a.y, -a.z) }
    public static func += (a: inout Vec3, b: Vec3) { a = a + b }

    public func dot(_ b: Vec3) -> Double { x * b.x + y * b.y + z * b.z }
    public func cross(_ b: Vec3) -> Vec3 { Vec3(y * b.z - z * b.y, z * b.x - x * b.z, x * b.y - y * b.x) }
    public var length: Double { dot(self).squareRoot() }
    public var normalized: Vec3 {
        let l = length
        return l > 1e-12 ? self * (1 / l) : self
    }
    /// The same vector with its vertical (Y) component removed.
    public var horizontal: Vec3 { Vec3(x, 0, z) }

    /// Linear interpolation: `a` at `u` = 0, `b` at `u` = 1.
    public static func mix(_ a: Vec3, _ b: Vec3, _ u: Double) -> Vec3 { a + (b - a) * u }
}
