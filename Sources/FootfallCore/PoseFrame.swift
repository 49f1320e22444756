/// A point in the upright frame's pixel coordinates.
public struct Point2D: Codable, Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A point in metres, as BlazePose's world landmarks give it: origin at the hip centre, axes as the camera sees
/// them (x right, y down, z away from the camera), the ROI rotation undone.
public struct Point3D: Codable, Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var z: Double
    public init(x: Double, y: Double, z: Double) {
        self.x = x
        self.y = y
        self.z = z
    }
}

/// Axis-aligned box in upright-frame pixels.
public struct BoundingBox: Codable, Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// One BlazePose landmark. `x`, `y` in upright-frame pixels; `z` in the model's relative depth units (same scale as x).
public struct Landmark: Codable, Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var z: Double
    public var visibility: Double
    public var presence: Double
    public init(x: Double, y: Double, z: Double = 0, visibility: Double = 1, presence: Double = 1) {
        self.x = x
        self.y = y
        self.z = z
        self.visibility = visibility
        self.presence = presence
    }
}

/// BlazePose's 33 landmark indices (the topology MediaPipe documents).
public enum LandmarkIndex: Int, CaseIterable, Sendable {
    case nose = 0, leftEyeInner, leftEye, leftEyeOuter, rightEyeInner, rightEye, rightEyeOuter, leftEar, rightEar
    case mouthLeft, mouthRight, leftShoulder, rightShoulder, leftElbow, rightElbow, leftWrist, rightWrist
    case leftPinky, rightPinky, leftIndex, rightIndex, leftThumb, rightThumb, leftHip, rightHip
    case leftKnee, rightKnee, leftAnkle, rightAnkle, leftHeel, rightHeel, leftFootIndex, rightFootIndex

    public static let count = 33
}

/// One tracked person in one frame.
public struct WalkerPose: Codable, Sendable, Equatable {
    /// Stable id for the whole video; never reused for another person.
    public var walker: Int
    /// 33 landmarks, indexed by `LandmarkIndex`.
    public var landmarks: [Landmark]
    public var box: BoundingBox
    /// Pose presence score from the landmark model, 0...1.
    public var score: Double
    /// BlazePose's 33 world landmarks (metres, hip-centred; see `Point3D`), in `LandmarkIndex` order; nil in pose
    /// files written before they were recorded. Visibility is the same as the image landmarks'.
    public var world: [Point3D]?

    public init(walker: Int, landmarks: [Landmark], box: BoundingBox, score: Double, world: [Point3D]? = nil) {
        self.walker = walker
        self.landmarks = landmarks
        self.box = box
        self.score = score
        self.world = world
    }

    public subscript(_ index: LandmarkIndex) -> Landmark { landmarks[index.rawValue] }
}

/// Everything the pose stage saw in one frame.
public struct PoseFrame: Codable, Sendable, Equatable {
    public var time: Double
    public var frame: Int
    public var walkers: [WalkerPose]
    /// Where the background (the ground) of this frame lies relative to the first frame's, in upright-frame
    /// pixels: a ground point seen at p in the first frame is at p + offset here (nil: not measured, taken as a
    /// still camera). Feet are judged against the ground by subtracting it.
    public var camera: CameraMotion?
    public init(time: Double, frame: Int, walkers: [WalkerPose], camera: CameraMotion? = nil) {
        self.time = time
        self.frame = frame
        self.walkers = walkers
        self.camera = camera
    }
}

/// The image's global motion at one frame (see `PoseFrame.camera`).
public struct CameraMotion: Codable, Sendable, Equatable {
    /// Cumulative background offset from the first frame, pixels.
    public var dx: Double
    public var dy: Double
    /// Share of the background that agreed with the estimate, 0...1 (low: unreliable, e.g. a blank wall).
    public var confidence: Double
    public init(dx: Double, dy: Double, confidence: Double) {
        self.dx = dx
        self.dy = dy
        self.confidence = confidence
    }
}
