/// The body points the BlazePose mapping needs, in the order fixtures store them. Heel and head-front are not CMU
/// joints: they are made from the foot's and the head's orientation when the BVH is read (see `BVHClipReader`),
/// so a fixture of positions alone carries everything.
public enum BodyPoint: Int, CaseIterable, Sendable {
    case leftHip = 0, rightHip, leftKnee, rightKnee, leftAnkle, rightAnkle, leftHeel, rightHeel
    case leftToeTip, rightToeTip, leftShoulder, rightShoulder, leftElbow, rightElbow, leftWrist, rightWrist
    case leftHandTip, rightHandTip, leftThumbTip, rightThumbTip, head, headTop, headFront

    public static let count = 23

    /// Name used in fixture files.
    public var key: String {
        switch self {
        case .leftHip: "left_hip"
        case .rightHip: "right_hip"
        case .leftKnee: "left_knee"
        case .rightKnee: "right_knee"
        case .leftAnkle: "left_ankle"
        case .rightAnkle: "right_ankle"
        case .leftHeel: "left_heel"
        case .rightHeel: "right_heel"
        case .leftToeTip: "left_toe_tip"
        case .rightToeTip: "right_toe_tip"
        case .leftShoulder: "left_shoulder"
        case .rightShoulder: "right_shoulder"
        case .leftElbow: "left_elbow"
        case .rightElbow: "right_elbow"
        case .leftWrist: "left_wrist"
        case .rightWrist: "right_wrist"
        case .leftHandTip: "left_hand_tip"
        case .rightHandTip: "right_hand_tip"
        case .leftThumbTip: "left_thumb_tip"
        case .rightThumbTip: "right_thumb_tip"
        case .head: "head"
        case .headTop: "head_top"
        case .headFront: "head_front"
        }
    }
}
