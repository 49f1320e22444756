/// World position and orientation of one joint in one frame (file units).
public struct JointPose: Sendable {
    public var position: Vec3
    public var rotation: Mat3
}

extension BVHFile {
    /// Forward kinematics for one frame, with the convention `check.py` verified on these files (stance feet stay
    /// put with it and slide with the reverse): a joint's local rotation is the product of its per-axis rotations
    /// in channel order as written (e.g. Rz·Ry·Rx), its translation OFFSET + position channels, and
    /// world = parent ∘ local.
    public func pose(frame: Int) -> [JointPose] {
        let row = row(frame)
        let base = row.startIndex
        var out: [JointPose] = []
        out.reserveCapacity(joints.count)
        for joint in joints {
            var rotation = Mat3.identity
            var translation = joint.offset
            for (k, channel) in joint.channels.enumerated() {
                let v = row[base + joint.channelStart + k]
                switch channel {
                case .position(.x): translation.x += v
                case .position(.y): translation.y += v
                case .position(.z): translation.z += v
                case .rotation(let axis): rotation = rotation * Mat3.rotation(axis: axis, degrees: v)
                }
            }
            if let p = joint.parent {
                let parent = out[p]
                out.append(
                    JointPose(
                        position: parent.position + parent.rotation * translation,
                        rotation: parent.rotation * rotation))
            } else {
                out.append(JointPose(position: translation, rotation: rotation))
            }
        }
        return out
    }

    /// cgspeed's MotionBuilder-friendly files start with a synthetic T-pose (all rotations whole degrees, mostly
    /// zero); 07_12 also has an all-zero frame 1. Same test as `check.py`'s `is_synthetic_tpose`.
    public func isSyntheticPose(frame: Int) -> Bool {
        let row = row(frame)
        var count = 0
        var zeros = 0
        for joint in joints {
            for (k, channel) in joint.channels.enumerated() {
                guard case .rotation = channel else { continue }
                let v = row[row.startIndex + joint.channelStart + k]
                if abs(v - v.rounded()) > 1e-9 { return false }
                count += 1
                if v == 0 { zeros += 1 }
            }
        }
        return count > 0 && Double(zeros) / Double(count) > 0.7
    }
}
