import Foundation

/// Places the virtual camera for a condition: around the walker at the condition's azimuth and elevation, far
/// enough that the walker's path keeps its distance (so an approach shows real perspective growth), with the
/// focal length that makes the walker the requested height at mid-clip; and, for a pan, turns it after the
/// pelvis frame by frame.
public enum ShotPlanner {
    public struct Shot: Sendable {
        /// One camera per frame (all equal for a fixed camera).
        public var cameras: [PinholeCamera]
        /// Line-of-sight distance to the mid-clip pelvis, metres.
        public var distance: Double
        public var focal: Double
        public var width: Int
        public var height: Int
    }

    /// Head-top to lowest foot point in the picture, pixels: what "walker height" means in a condition.
    public static func projectedHeight(_ body: [Vec3], camera: PinholeCamera) -> Double {
        let top = camera.project(body[BodyPoint.headTop.rawValue]).y
        let feet: [BodyPoint] = [.leftHeel, .rightHeel, .leftToeTip, .rightToeTip]
        let bottom = feet.map { camera.project(body[$0.rawValue]).y }.max() ?? top
        return bottom - top
    }

    static func plan(clip: MocapClip, condition c: SimulationCondition, fileTimes: [Double]) -> Shot {
        let width = c.pictureWidth ?? (c.walkerHeight > 500 ? 1920 : 1280)
        let height = c.pictureHeight ?? (c.walkerHeight > 500 ? 1080 : 720)
        let facing = clip.heading
        let left = Vec3.up.cross(facing)
        let az = c.azimuth * .pi / 180
        let el = c.elevation * .pi / 180
        let towardCamera = (facing * cos(az) + left * sin(az)).normalized
        let sightLine = (towardCamera * cos(el) + Vec3.up * sin(el)).normalized
        let mid = 0.5 * (clip.startTime + clip.endTime)
        let midBody = clip.points(at: mid)
        let aim = Vec3.mix(midBody[BodyPoint.leftHip.rawValue], midBody[BodyPoint.rightHip.rawValue], 0.5)

        // Standing height from the mid-clip pose at unit distance, so the preferred distance gives the requested
        // size with a normal lens (field of view `fieldOfView`).
        let nominalFocal = Double(width) / 2 / tan(c.fieldOfView * .pi / 360)
        let probe = PinholeCamera(
            position: aim + sightLine * 10, forward: -sightLine, focal: 1, width: width, height: height)
        let metresTall = max(ShotPlanner.projectedHeight(midBody, camera: probe) * 10, 0.5)
        var distance = nominalFocal * metresTall / max(c.walkerHeight, 1)
        let path = stride(from: 0, to: clip.samples.count, by: 4).map { clip.pelvis(sample: $0).horizontal }
        func closest(_ d: Double) -> Double {
            let p = (aim + sightLine * d).horizontal
            return path.map { ($0 - p).length }.min() ?? d
        }
        while closest(distance) < c.minimumDistance && distance < 200 { distance += 0.1 }

        let position = aim + sightLine * distance
        let base = PinholeCamera(position: position, forward: -sightLine, focal: 1, width: width, height: height)
        let focal = c.walkerHeight / max(ShotPlanner.projectedHeight(midBody, camera: base), 1e-6)
        let still = PinholeCamera(position: position, forward: -sightLine, focal: focal, width: width, height: height)

        if case .track(let lag) = c.pan, !fileTimes.isEmpty {
            return tracking(clip: clip, lag: lag, fileTimes: fileTimes, mid: mid, camera: still)
        }
        guard case .follow(let lag) = c.pan, !fileTimes.isEmpty else {
            return Shot(
                cameras: [PinholeCamera](repeating: still, count: fileTimes.count), distance: distance, focal: focal,
                width: width, height: height)
        }
        // Pan: yaw follows the pelvis through a first-order lag (a person turning a phone after the walker);
        // pitch stays the planned one.
        func yawToPelvis(_ t: Double) -> Double {
            let b = clip.points(at: t)
            let d = Vec3.mix(b[BodyPoint.leftHip.rawValue], b[BodyPoint.rightHip.rawValue], 0.5) - position
            return atan2(d.x, d.z)
        }
        let pitch = asin(min(max(sightLine.y, -1), 1))
        var yaw = yawToPelvis(fileTimes[0])
        var cameras: [PinholeCamera] = []
        for (k, t) in fileTimes.enumerated() {
            if k > 0 {
                let gain = 1 - exp(-(t - fileTimes[k - 1]) / max(lag, 1e-3))
                yaw += gain * remainder(yawToPelvis(t) - yaw, 2 * .pi)
            }
            cameras.append(
                PinholeCamera(position: position, yaw: yaw, pitch: pitch, focal: focal, width: width, height: height))
        }
        return Shot(cameras: cameras, distance: distance, focal: focal, width: width, height: height)
    }

    /// A camera that keeps its mid-clip offset from the pelvis (horizontally; height and aim fixed), following
    /// it through a first-order lag.
    static func tracking(clip: MocapClip, lag: Double, fileTimes: [Double], mid: Double, camera: PinholeCamera)
        -> Shot
    {
        func pelvis(_ t: Double) -> Vec3 {
            let b = clip.points(at: t)
            return Vec3.mix(b[BodyPoint.leftHip.rawValue], b[BodyPoint.rightHip.rawValue], 0.5).horizontal
        }
        let anchor = pelvis(mid)
        var followed = pelvis(fileTimes[0])
        var cameras: [PinholeCamera] = []
        for (k, t) in fileTimes.enumerated() {
            if k > 0 {
                let gain = 1 - exp(-(t - fileTimes[k - 1]) / max(lag, 1e-3))
                followed = followed + (pelvis(t) - followed) * gain
            }
            var moved = camera
            moved.position = camera.position + (followed - anchor)
            cameras.append(moved)
        }
        return Shot(
            cameras: cameras, distance: (camera.position - clip.pelvis(sample: clip.samples.count / 2)).length,
            focal: camera.focal, width: camera.width, height: camera.height)
    }
}
