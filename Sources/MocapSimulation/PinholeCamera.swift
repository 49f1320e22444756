import Foundation

/// A pinhole camera in the mocap world: image x to the right, y down, principal point at the picture centre.
public struct PinholeCamera: Sendable, Equatable {
    public var position: Vec3
    /// World directions of the camera's axes (x right, y down, z along the line of sight).
    public var right: Vec3
    public var down: Vec3
    public var forward: Vec3
    /// Focal length in pixels.
    public var focal: Double
    public var width: Int
    public var height: Int

    /// Looking along `forward` with the picture's up as close to the world's up as it gets (no roll).
    public init(position: Vec3, forward: Vec3, focal: Double, width: Int, height: Int) {
        self.position = position
        self.forward = forward.normalized
        // For a viewer facing f with Y up, right = f × up and down = f × right (x right, y down, z forward is a
        // right-handed frame).
        self.right = self.forward.cross(Vec3.up).normalized
        self.down = self.forward.cross(self.right).normalized
        self.focal = focal
        self.width = width
        self.height = height
    }

    /// A camera pointed by yaw (about the world's up, 0 = +Z, 90° = +X) and pitch (positive: looking down), radians.
    public init(position: Vec3, yaw: Double, pitch: Double, focal: Double, width: Int, height: Int) {
        let f = Vec3(cos(pitch) * sin(yaw), -sin(pitch), cos(pitch) * cos(yaw))
        self.init(position: position, forward: f, focal: focal, width: width, height: height)
    }

    /// A world point in camera axes (x right, y down, z away from the camera), metres.
    public func cameraCoordinates(_ p: Vec3) -> Vec3 {
        let d = p - position
        return Vec3(d.dot(right), d.dot(down), d.dot(forward))
    }

    /// A world direction in camera axes.
    public func cameraDirection(_ v: Vec3) -> Vec3 { Vec3(v.dot(right), v.dot(down), v.dot(forward)) }

    /// Pixel position and depth (metres along the line of sight). Points behind the camera get a tiny depth
    /// instead of a division by zero; nothing in a sensible shot is there.
    public func project(_ p: Vec3) -> (x: Double, y: Double, depth: Double) {
        let c = cameraCoordinates(p)
        let depth = max(c.z, 0.05)
        return (Double(width) / 2 + focal * c.x / depth, Double(height) / 2 + focal * c.y / depth, c.z)
    }

    public func isInPicture(x: Double, y: Double) -> Bool {
        x >= 0 && y >= 0 && x < Double(width) && y < Double(height)
    }
}
