import FootfallCore

/// Where steps are on screen, for steps that don't say: from pose landmarks, or, with no steps at all,
/// evenly spaced probes of the ground at the bottom centre of the picture.
public enum StepPlacement {
    /// Fills missing `position` (the heel of the step's foot) and `walkerHeight` from the pose frame nearest
    /// in time with the same walker id.
    public static func fill(_ steps: [StepEvent], from poses: [PoseFrame]) -> [StepEvent] {
        guard !poses.isEmpty else { return steps }
        let ordered = poses.sorted { $0.time < $1.time }
        return steps.map { step in
            guard step.position == nil || step.walkerHeight == nil else { return step }
            var s = step
            let frame = nearest(ordered, to: step.time)
            guard let pose = frame.walkers.first(where: { $0.walker == step.walker }),
                pose.landmarks.count == LandmarkIndex.count
            else { return step }
            let heel = pose[step.foot == .left ? .leftHeel : .rightHeel]
            if s.position == nil { s.position = Point2D(x: heel.x, y: heel.y) }
            if s.walkerHeight == nil { s.walkerHeight = height(of: pose) }
            return s
        }
    }

    /// Apparent height: eyes to the lower heel, plus the bit of head above the eyes.
    static func height(of pose: WalkerPose) -> Double {
        let top = min(pose[.leftEye].y, pose[.rightEye].y, pose[.nose].y)
        let bottom = max(pose[.leftHeel].y, pose[.rightHeel].y, pose[.leftFootIndex].y, pose[.rightFootIndex].y)
        let eyesToFeet = max(0, bottom - top)
        return eyesToFeet > 0 ? eyesToFeet * 1.08 : pose.box.height
    }

    static func nearest(_ ordered: [PoseFrame], to time: Double) -> PoseFrame {
        var lo = 0
        var hi = ordered.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if ordered[mid].time < time { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0, abs(ordered[lo - 1].time - time) <= abs(ordered[lo].time - time) { return ordered[lo - 1] }
        return ordered[lo]
    }

    /// Pseudo-steps every `interval` seconds with no position (the sampler then looks at the bottom centre),
    /// so a clip can be judged without a step list. Walker 0; confidence 0 marks them as probes.
    public static func probes(duration: Double, frameRate: Double, interval: Double = 1) -> [StepEvent] {
        guard duration > 0, frameRate > 0 else { return [] }
        var out: [StepEvent] = []
        var t = min(interval / 2, duration / 2)
        while t < duration {
            out.append(
                StepEvent(
                    time: t, frame: Int((t * frameRate).rounded(.down)), walker: 0, foot: .left, confidence: 0,
                    method: "probe"))
            t += interval
        }
        return out
    }
}
