import Foundation

/// Reads a CMU BVH file into a `MocapClip`: forward kinematics, metres, the floor levelled, and the two body
/// points the skeleton lacks (heel, a point in front of the face) made from the joints' orientations.
public enum BVHClipReader {
    /// CMU ASF length unit: 1/0.45 inch (see the mocap README; check.py uses the same factor).
    public static let metresPerUnit = 0.0254 / 0.45
    /// The nose-ward point's distance in front of the head joint (only its direction is used).
    static let headFrontDistance = 0.10

    public static func read(url: URL, contacts: ContactTruth) throws -> MocapClip {
        let bvh = try BVHFile(contentsOf: url)
        let name = url.deletingPathExtension().lastPathComponent
        return try read(bvh: bvh, name: name, contacts: contacts)
    }

    public static func read(bvh: BVHFile, name: String, contacts: ContactTruth) throws -> MocapClip {
        let naming = try SkeletonNaming(jointNames: bvh.joints.map(\.name))
        var index: [SkeletonNaming.Joint: Int] = [:]
        for joint in SkeletonNaming.Joint.allCases {
            guard let i = bvh.index(of: naming.name(joint)) else { throw MocapError.missingJoint(naming.name(joint)) }
            index[joint] = i
        }
        func at(_ j: SkeletonNaming.Joint) -> Int { index[j] ?? 0 }
        var first = 0
        while first < min(5, bvh.frameCount - 1) && bvh.isSyntheticPose(frame: first) { first += 1 }

        let s = metresPerUnit
        let poses = (first..<bvh.frameCount).map { bvh.pose(frame: $0) }
        // Toe (ball) positions for the floor fit; the ball is flat on the floor from mid-stance to toe-off.
        let balls = [at(.leftToe), at(.rightToe)].map { toe in poses.map { $0[toe].position * s } }
        let floor = FloorPlane.fit(ballTracks: balls, sampleInterval: bvh.frameTime)

        var samples: [[Vec3]] = poses.map { pose in
            var p = [Vec3](repeating: .zero, count: BodyPoint.count)
            func put(_ b: BodyPoint, _ j: SkeletonNaming.Joint) { p[b.rawValue] = pose[at(j)].position * s }
            put(.leftHip, .leftHip)
            put(.rightHip, .rightHip)
            put(.leftKnee, .leftKnee)
            put(.rightKnee, .rightKnee)
            put(.leftAnkle, .leftAnkle)
            put(.rightAnkle, .rightAnkle)
            put(.leftToeTip, .leftToeTip)
            put(.rightToeTip, .rightToeTip)
            put(.leftShoulder, .leftShoulder)
            put(.rightShoulder, .rightShoulder)
            put(.leftElbow, .leftElbow)
            put(.rightElbow, .rightElbow)
            put(.leftWrist, .leftWrist)
            put(.rightWrist, .rightWrist)
            put(.leftHandTip, .leftHandTip)
            put(.rightHandTip, .rightHandTip)
            put(.leftThumbTip, .leftThumbTip)
            put(.rightThumbTip, .rightThumbTip)
            put(.head, .head)
            put(.headTop, .headTop)
            // The rest pose faces +Z (the toes' offsets point +Z), so the head's local +Z is where the face looks.
            let head = pose[at(.head)]
            p[BodyPoint.headFront.rawValue] = head.position * s + head.rotation * Vec3(0, 0, headFrontDistance)
            return p.map { floor.levelled($0) }
        }
        for (heel, ankle, toe) in [
            (BodyPoint.leftHeel, BodyPoint.leftAnkle, BodyPoint.leftToeTip),
            (.rightHeel, .rightAnkle, .rightToeTip),
        ] {
            let made = HeelModel.heels(
                ankle: samples.map { $0[ankle.rawValue] }, toeTip: samples.map { $0[toe.rawValue] },
                sampleInterval: bvh.frameTime)
            for i in samples.indices { samples[i][heel.rawValue] = made[i] }
        }
        return MocapClip(
            name: name, category: ClipCategory.of(clip: name) ?? .normalWalk, sampleInterval: bvh.frameTime,
            startTime: Double(first) * bvh.frameTime, samples: samples, contacts: contacts)
    }

    static func percentile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let k = min(sorted.count - 1, max(0, Int((Double(sorted.count - 1) * q).rounded())))
        return sorted[k]
    }
}
