import FootfallCore

/// CMU body points → BlazePose's 33 landmarks (`LandmarkIndex` order), in the mocap world (metres, Y up).
///
/// Hips, knees, ankles, shoulders, elbows and wrists are CMU joints; the heel and the toe tip come from the foot
/// (`BVHClipReader`); the face is built around the head joint in the head's own frame (up: to the head's end
/// site, forward: the head's rest-pose +Z), so the nose is in front of the head wherever the walker looks.
/// "Left" is the person's left, as in BlazePose.
public enum BlazePoseMapping {
    /// Face points in the head frame: (forward, up, toward the person's left), metres from the head joint. CMU's
    /// head joint is at the top of the neck and its end site ~8.5 cm above; eyes are put ~4 cm above the joint.
    static let face: [(LandmarkIndex, Double, Double, Double)] = [
        (.nose, 0.10, 0.02, 0),
        (.leftEyeInner, 0.085, 0.045, 0.015), (.leftEye, 0.08, 0.045, 0.032), (.leftEyeOuter, 0.075, 0.045, 0.045),
        (.rightEyeInner, 0.085, 0.045, -0.015), (.rightEye, 0.08, 0.045, -0.032),
        (.rightEyeOuter, 0.075, 0.045, -0.045),
        (.leftEar, 0.0, 0.035, 0.075), (.rightEar, 0.0, 0.035, -0.075),
        (.mouthLeft, 0.09, -0.02, 0.025), (.mouthRight, 0.09, -0.02, -0.025),
    ]

    public static func landmarks(_ p: [Vec3]) -> [Vec3] {
        func b(_ point: BodyPoint) -> Vec3 { p[point.rawValue] }
        var out = [Vec3](repeating: .zero, count: LandmarkIndex.count)
        func set(_ i: LandmarkIndex, _ v: Vec3) { out[i.rawValue] = v }
        set(.leftHip, b(.leftHip))
        set(.rightHip, b(.rightHip))
        set(.leftKnee, b(.leftKnee))
        set(.rightKnee, b(.rightKnee))
        set(.leftAnkle, b(.leftAnkle))
        set(.rightAnkle, b(.rightAnkle))
        set(.leftHeel, b(.leftHeel))
        set(.rightHeel, b(.rightHeel))
        set(.leftFootIndex, b(.leftToeTip))
        set(.rightFootIndex, b(.rightToeTip))
        set(.leftShoulder, b(.leftShoulder))
        set(.rightShoulder, b(.rightShoulder))
        set(.leftElbow, b(.leftElbow))
        set(.rightElbow, b(.rightElbow))
        set(.leftWrist, b(.leftWrist))
        set(.rightWrist, b(.rightWrist))
        for (wrist, tip, thumb, index, pinky, thumbOut) in [
            (
                BodyPoint.leftWrist, BodyPoint.leftHandTip, BodyPoint.leftThumbTip, LandmarkIndex.leftIndex,
                LandmarkIndex.leftPinky, LandmarkIndex.leftThumb
            ),
            (.rightWrist, .rightHandTip, .rightThumbTip, .rightIndex, .rightPinky, .rightThumb),
        ] {
            let w = b(wrist)
            let t = b(thumb)
            let axis = (b(tip) - w).normalized
            // The pinky knuckle mirrors the thumb across the hand's long axis (CMU has no pinky).
            let across = (t - w) - axis * (t - w).dot(axis)
            set(index, b(tip))
            set(thumbOut, t)
            set(pinky, w + (b(tip) - w) * 0.85 - across * 0.6)
        }
        let head = b(.head)
        let up = (b(.headTop) - head).normalized
        var forward = b(.headFront) - head
        forward = (forward - up * forward.dot(up)).normalized
        let left = up.cross(forward)
        for (i, f, u, l) in face { set(i, head + forward * f + up * u + left * l) }
        return out
    }
}
