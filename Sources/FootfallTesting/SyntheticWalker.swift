import FootfallCore
import Foundation

/// Synthetic pose trajectories with known gait events, for tests (no video needed; `info` describes a video that
/// does not exist, give `SyntheticClip` for one that does).
///
/// A walker of `height` pixels; feet alternate with `stepTime` between heel strikes. In stance a foot rests on
/// the ground; in swing it travels a minimum-jerk path to its next contact, lifting `lift` heights, and its heel
/// touches down at the known heel-strike time. Frame times can be jittered (VFR).
public struct SyntheticWalker: Sendable {
    public init() {}

    public enum View: Sendable {
        /// Walking across the picture (+1 right, −1 left).
        case side(direction: Double)
        /// Walking toward the camera: the walker grows (perspective), feet move down the picture.
        case towardCamera
    }

    public var view: View = .side(direction: 1)
    public var height = 300.0
    /// Walking speed in heights per second.
    public var speed = 0.75
    public var stepTime = 0.55
    public var stanceFraction = 0.62
    public var lift = 0.08
    public var firstStrike = 0.4
    public var duration = 5.0
    public var frameRate = 30.0
    /// Max random shift of each frame time (VFR), seconds.
    public var jitter = 0.0
    public var seed: UInt64 = 1
    public var walker = 1
    /// Vertical bounce of the body above the legs (peak to peak, heights), lowest `bounceDelay` s after each
    /// heel strike, as in double support.
    public var bounce = 0.0
    public var bounceDelay = 0.05

    /// Heel-strike times per foot (left first).
    public var heelStrikes: [(time: Double, foot: Foot)] {
        var out: [(Double, Foot)] = []
        var t = firstStrike
        var foot = Foot.left
        while t < duration {
            out.append((t, foot))
            t += stepTime
            foot = foot.other
        }
        return out
    }

    public var frameTimes: [Double] {
        var rng = SeededRandom(seed: seed)
        var times: [Double] = []
        var i = 0
        while Double(i) / frameRate < duration {
            let j = jitter > 0 ? (rng.unit() * 2 - 1) * jitter : 0
            times.append(max(0, Double(i) / frameRate + (i == 0 ? 0 : j)))
            i += 1
        }
        return times
    }

    /// Ground position along the walking path (in heights) of a foot at time t, and its lift (heights).
    public func foot(_ foot: Foot, at t: Double) -> (forward: Double, up: Double) {
        let cycle = 2 * stepTime
        let stride = speed * cycle
        let swing = (1 - stanceFraction) * cycle
        let first = firstStrike + (foot == .left ? 0 : stepTime)
        // Contact k of this foot at first + k·cycle, at forward position stride·k + offset.
        let k = ((t - first) / cycle).rounded(.down)
        let contact = first + k * cycle
        let nextContact = contact + cycle
        let base = speed * first
        let here = base + stride * k
        let swingStart = nextContact - swing
        if t < swingStart { return (here, 0) }
        let s = (t - swingStart) / swing
        let mj = s * s * s * (10 - 15 * s + 6 * s * s)
        return (here + stride * mj, lift * sin(Double.pi * s))
    }

    public func frames() -> [PoseFrame] {
        frameTimes.enumerated().map { n, t in
            PoseFrame(time: t, frame: n, walkers: [pose(at: t)])
        }
    }

    public func pose(at t: Double) -> WalkerPose {
        let pelvisForward = speed * t
        var scale = 1.0
        var points: [LandmarkIndex: (Double, Double)] = [:]
        // BlazePose's relative depth: pixels on the x scale, negative toward the camera, 0 at the hips.
        var depth: [LandmarkIndex: Double] = [:]
        func place(_ i: LandmarkIndex, forward: Double, up: Double, lateral: Double) {
            switch view {
            case .side(let dir):
                // Walking right, the person's left side faces away from the camera.
                depth[i] = -dir * lateral * height
                points[i] = (100 + dir * forward * height + (dir < 0 ? 1500 : 0), 800 - up * height)
            case .towardCamera:
                // Distance shrinks from 10 to ~6 heights-units; image scale ∝ 1/distance.
                let distance = 10 - pelvisForward * 0.8
                scale = 10 / distance
                let groundY = 400 + 3000 / distance  // ground points come down the picture as they approach
                let forwardShift = (forward - pelvisForward) * 0.8 * 3000 / (distance * distance)
                depth[i] = -(forward - pelvisForward) * height * scale
                // Facing the camera, the person's left is on the picture's right.
                points[i] = (640 - lateral * height * scale, groundY + forwardShift - up * height * scale)
            }
        }
        let l = foot(.left, at: t)
        let r = foot(.right, at: t)
        for (f, side) in [(l, -1.0), (r, 1.0)] {
            let lat = side * 0.06
            let isLeft = side < 0
            place(isLeft ? .leftHeel : .rightHeel, forward: f.forward, up: f.up, lateral: lat)
            place(isLeft ? .leftFootIndex : .rightFootIndex, forward: f.forward + 0.14, up: f.up * 0.6, lateral: lat)
            place(isLeft ? .leftAnkle : .rightAnkle, forward: f.forward + 0.02, up: f.up + 0.04, lateral: lat)
            place(isLeft ? .leftKnee : .rightKnee, forward: (f.forward + pelvisForward) / 2, up: 0.28, lateral: lat)
            place(isLeft ? .leftHip : .rightHip, forward: pelvisForward, up: 0.52, lateral: side * 0.09)
        }
        place(.nose, forward: pelvisForward + 0.03, up: 0.94, lateral: 0)
        for i in LandmarkIndex.allCases where points[i] == nil {
            place(i, forward: pelvisForward, up: 0.75, lateral: 0)
        }
        if bounce > 0 {
            let phase = 2 * Double.pi * (t - firstStrike - bounceDelay) / stepTime
            let down = bounce / 2 * (cos(phase) + 1) * height * scale
            let legs: Set<LandmarkIndex> = [
                .leftHeel, .rightHeel, .leftFootIndex, .rightFootIndex, .leftAnkle, .rightAnkle, .leftKnee, .rightKnee,
            ]
            for i in LandmarkIndex.allCases where !legs.contains(i) { points[i]?.1 += down }
        }
        let landmarks = LandmarkIndex.allCases.map { i -> Landmark in
            let p = points[i] ?? (0, 0)
            return Landmark(x: p.0, y: p.1, z: depth[i] ?? 0, visibility: 0.95, presence: 0.99)
        }
        let xs = landmarks.map(\.x)
        let ys = landmarks.map(\.y)
        let box = BoundingBox(
            x: xs.min() ?? 0, y: ys.min() ?? 0, width: (xs.max() ?? 0) - (xs.min() ?? 0),
            height: (ys.max() ?? 0) - (ys.min() ?? 0))
        _ = scale
        return WalkerPose(walker: walker, landmarks: landmarks, box: box, score: 0.9)
    }

    public var info: VideoInfo {
        VideoInfo(
            path: "synthetic.mp4", container: "mov,mp4", videoCodec: "h264", codedWidth: 1920, codedHeight: 1080,
            rotation: 0, frameRate: frameRate, isVariableFrameRate: jitter > 0, duration: duration,
            frameCount: frameTimes.count, audioStreams: [])
    }
}
