/// The two joint namings of the CMU conversions on disk. They must be told apart before looking names up:
/// "LeftShoulder" is the clavicle in the MotionBuilder files but the upper-arm joint in the 3ds Max ones.
public enum SkeletonNaming: Sendable {
    /// cgspeed's MotionBuilder-friendly release (all clips but 131_xx): LeftUpLeg, LeftLeg, LeftFoot, LeftToeBase…
    case motionBuilder
    /// cgspeed's 3ds Max-friendly release (131_xx): LeftHip, LeftKnee, LeftAnkle, LeftToe…
    case max

    /// CMU joints the landmark mapping reads (the heel and head-front are derived from them).
    public enum Joint: Sendable, CaseIterable {
        case leftHip, rightHip, leftKnee, rightKnee, leftAnkle, rightAnkle, leftToe, rightToe
        case leftToeTip, rightToeTip, leftShoulder, rightShoulder, leftElbow, rightElbow, leftWrist, rightWrist
        case leftHandTip, rightHandTip, leftThumbTip, rightThumbTip, head, headTop
    }

    public init(jointNames: [String]) throws {
        let names = Set(jointNames)
        if names.contains("LeftUpLeg") {
            self = .motionBuilder
        } else if names.contains("LeftHip") && names.contains("LeftAnkle") {
            self = .max
        } else {
            throw MocapError.missingJoint("LeftUpLeg or LeftHip")
        }
    }

    public func name(_ joint: Joint) -> String {
        switch (self, joint) {
        case (.motionBuilder, .leftHip): "LeftUpLeg"
        case (.motionBuilder, .rightHip): "RightUpLeg"
        case (.motionBuilder, .leftKnee): "LeftLeg"
        case (.motionBuilder, .rightKnee): "RightLeg"
        case (.motionBuilder, .leftAnkle): "LeftFoot"
        case (.motionBuilder, .rightAnkle): "RightFoot"
        case (.motionBuilder, .leftToe): "LeftToeBase"
        case (.motionBuilder, .rightToe): "RightToeBase"
        case (.motionBuilder, .leftToeTip): "LeftToeBase_End"
        case (.motionBuilder, .rightToeTip): "RightToeBase_End"
        case (.motionBuilder, .leftShoulder): "LeftArm"
        case (.motionBuilder, .rightShoulder): "RightArm"
        case (.motionBuilder, .leftElbow): "LeftForeArm"
        case (.motionBuilder, .rightElbow): "RightForeArm"
        case (.motionBuilder, .leftWrist): "LeftHand"
        case (.motionBuilder, .rightWrist): "RightHand"
        case (.motionBuilder, .leftHandTip): "LeftHandIndex1_End"
        case (.motionBuilder, .rightHandTip): "RightHandIndex1_End"
        case (.max, .leftHip): "LeftHip"
        case (.max, .rightHip): "RightHip"
        case (.max, .leftKnee): "LeftKnee"
        case (.max, .rightKnee): "RightKnee"
        case (.max, .leftAnkle): "LeftAnkle"
        case (.max, .rightAnkle): "RightAnkle"
        case (.max, .leftToe): "LeftToe"
        case (.max, .rightToe): "RightToe"
        case (.max, .leftToeTip): "LeftToe_End"
        case (.max, .rightToeTip): "RightToe_End"
        case (.max, .leftShoulder): "LeftShoulder"
        case (.max, .rightShoulder): "RightShoulder"
        case (.max, .leftElbow): "LeftElbow"
        case (.max, .rightElbow): "RightElbow"
        case (.max, .leftWrist): "LeftWrist"
        case (.max, .rightWrist): "RightWrist"
        case (.max, .leftHandTip): "LFingers_End"
        case (.max, .rightHandTip): "RFingers_End"
        case (_, .leftThumbTip): "LThumb_End"
        case (_, .rightThumbTip): "RThumb_End"
        case (_, .head): "Head"
        case (_, .headTop): "Head_End"
        }
    }
}
