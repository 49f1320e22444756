import Foundation

/// The heel, which CMU skeletons lack, from the ankle joint and the toe tip (positions on the levelled floor).
///
/// It sits `behindAnkle` behind the ankle along the foot's long axis and down at the sole (at stance on the
/// floor). It turns with the foot only when the foot tips toe-down (heel-off and push-off lift the heel more than
/// the ankle), not when it tips toe-up: CMU's ankle joint is only 3–4 cm above the floor, so a heel rigidly fixed
/// behind and below it would dip through the floor in terminal swing (measured: up to 140 ms before the
/// contact, at 3 m/s). Held like this, the synthetic heel reaches the floor within ~0–40 ms of `check.py`'s
/// contact times at 0.3–0.6 m/s, as a real heel strike does (`mocap-sweep --trace`).
public enum HeelModel {
    /// Back of the shoe behind the ankle joint, metres (BlazePose's heel landmark).
    public static let behindAnkle = 0.05

    public static func heels(ankle: [Vec3], toeTip: [Vec3], sampleInterval dt: Double) -> [Vec3] {
        guard ankle.count == toeTip.count, ankle.count > 2 else { return ankle }
        let pitch = zip(ankle, toeTip).map { a, t in
            let d = t - a
            return atan2(d.y, d.horizontal.length)
        }
        let level = BVHClipReader.percentile(ankle.map(\.y), 0.02)
        // The foot's pitch when flat on the floor: ankle still and at its stance level.
        let flat = (1..<(ankle.count - 1)).filter { i in
            (ankle[i + 1] - ankle[i - 1]).length / (2 * dt) < 0.2 && ankle[i].y < level + 0.01
        }
        let flatPitch = BVHClipReader.percentile(flat.isEmpty ? pitch : flat.map { pitch[$0] }, 0.5)
        func heel(_ i: Int, drop: Double) -> Vec3 {
            let forward = (toeTip[i] - ankle[i]).horizontal.normalized
            let tilt = min(pitch[i] - flatPitch, 0)
            let along = -behindAnkle * cos(tilt) + drop * sin(tilt)
            let up = -behindAnkle * sin(tilt) - drop * cos(tilt)
            return ankle[i] + forward * along + Vec3.up * up
        }
        // Drop to the sole, calibrated so the heel's stance level (low percentile) is the floor.
        var drop = level
        for _ in 0..<2 {
            drop += BVHClipReader.percentile(ankle.indices.map { heel($0, drop: drop).y }, 0.02)
        }
        return ankle.indices.map { heel($0, drop: drop) }
    }
}
