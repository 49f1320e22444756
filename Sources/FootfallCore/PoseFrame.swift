/// A point in the upright frame's pixel coordinates.
public struct Point2D: Codable, Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
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

    public init(walker: Int, landmarks: [Landmark], box: BoundingBox, score: Double) {
        self.walker = walker
        self.landmarks = landmarks
        self.box = box
        self.score = score
    }

    public subscript(_ index: LandmarkIndex) -> Landmark { landmarks[index.rawValue] }
}

/// Everything the pose stage saw in one frame.
public struct PoseFrame: Codable, Sendable, Equatable {
    public var time: Double
    public var frame: Int
    public var walkers: [WalkerPose]
    public init(time: Double, frame: Int, walkers: [WalkerPose]) {
        self.time = time
        self.frame = frame
        self.walkers = walkers
    }
}
