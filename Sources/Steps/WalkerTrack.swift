import FootfallCore

/// One walker's poses over a stretch of time with no long gap and no identity jump.
struct WalkerTrack {
    var walker: Int
    var times: [Double]
    var frames: [Int]
    var poses: [WalkerPose]
    /// The background's offset at each frame (`PoseFrame.camera`; nil: not measured).
    var camera: [CameraMotion?] = []

    /// Splits every walker's frames into continuous tracks. A track breaks where the walker is missing for longer
    /// than `maxGap` or where the pelvis jumps by more than `maxJump` walker heights between two frames (pose
    /// trackers sometimes hand an id to another person).
    static func tracks(from frames: [PoseFrame], maxGap: Double, maxJump: Double = 0.5) -> [Int: [WalkerTrack]] {
        var byWalker: [Int: [WalkerTrack]] = [:]
        let ordered = frames.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
        for (_, frame) in ordered where frame.time.isFinite {
            for pose in frame.walkers where pose.landmarks.count >= LandmarkIndex.count {
                // Mutate in place: copying the walker's growing track per frame would be quadratic.
                let extends: Bool
                if let last = byWalker[pose.walker]?.last, let lastTime = last.times.last,
                    let lastPose = last.poses.last
                {
                    if frame.time <= lastTime { continue }  // duplicate time stamp: keep the first
                    extends =
                        frame.time - lastTime <= maxGap && !Self.isJump(from: lastPose, to: pose, maxJump: maxJump)
                } else {
                    extends = false
                }
                if extends, let n = byWalker[pose.walker]?.count {
                    byWalker[pose.walker]?[n - 1].times.append(frame.time)
                    byWalker[pose.walker]?[n - 1].frames.append(frame.frame)
                    byWalker[pose.walker]?[n - 1].poses.append(pose)
                    byWalker[pose.walker]?[n - 1].camera.append(frame.camera)
                } else {
                    byWalker[pose.walker, default: []].append(
                        WalkerTrack(
                            walker: pose.walker, times: [frame.time], frames: [frame.frame], poses: [pose],
                            camera: [frame.camera]))
                }
            }
        }
        return byWalker
    }

    /// Whether the body is upright for most of the track, as walking needs: nose above pelvis above heels (image y
    /// grows downward), each by at least `minGap` walker heights in the median frame. Pose models also "see"
    /// people in pictures, reflections and clutter, often folded; those are no walkers.
    ///
    /// Legs seen without the body above them (a shot of the legs, the hips at the picture's top edge) are upright
    /// when hips, knees and heels come in that order with a thigh and a shank of like length: the model then makes
    /// up a head that can land anywhere, often among the legs.
    func isUpright(minGap: Double = 0.15) -> Bool {
        var head: [Double] = []
        var legs: [Double] = []
        var thighs: [Double] = []
        var shanks: [Double] = []
        for p in poses {
            guard let h = p.apparentHeight, h > 0 else { continue }
            let pelvis = p.pelvis
            head.append((pelvis.y - p[.nose].y) / h)
            let heelY = max(p[.leftHeel].y, p[.rightHeel].y)
            legs.append((heelY - pelvis.y) / h)
            let kneeY = (p[.leftKnee].y + p[.rightKnee].y) / 2
            thighs.append((kneeY - pelvis.y) / h)
            shanks.append(((p[.leftHeel].y + p[.rightHeel].y) / 2 - kneeY) / h)
        }
        guard let headGap = SignalMath.median(head), let legGap = SignalMath.median(legs),
            let thigh = SignalMath.median(thighs), let shank = SignalMath.median(shanks)
        else { return false }
        let legsInOrder = thigh >= minGap && shank >= minGap && thigh < 2 * shank && shank < 2 * thigh
        return legGap >= minGap && (headGap >= minGap || legsInOrder)
    }

    private static func isJump(from a: WalkerPose, to b: WalkerPose, maxJump: Double) -> Bool {
        let pa = a.pelvis
        let pb = b.pelvis
        let scale = max(a.apparentHeight ?? a.box.height, 1)
        let d = ((pa.x - pb.x) * (pa.x - pb.x) + (pa.y - pb.y) * (pa.y - pb.y)).squareRoot()
        return d > maxJump * scale
    }
}

extension WalkerTrack {
    /// The usual time between this track's frames (the median interval; nil with fewer than two frames).
    var frameStep: Double? {
        SignalMath.median(zip(times.dropFirst(), times).map { $0 - $1 })
    }
}

extension WalkerPose {
    /// Midpoint of the hips.
    var pelvis: Point2D {
        let l = self[.leftHip]
        let r = self[.rightHip]
        return Point2D(x: (l.x + r.x) / 2, y: (l.y + r.y) / 2)
    }

    /// Apparent standing height in pixels: the sum of head-to-pelvis and the longer leg's thigh and shank
    /// lengths, scaled for the head top and foot. Segment lengths barely change while walking or crouching,
    /// unlike the vertical extent; nil when the landmarks are degenerate.
    var apparentHeight: Double? {
        func dist(_ a: LandmarkIndex, _ b: LandmarkIndex) -> Double {
            let p = self[a]
            let q = self[b]
            return ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
        }
        let nose = self[.nose]
        let pelvis = self.pelvis
        let trunk = ((nose.x - pelvis.x) * (nose.x - pelvis.x) + (nose.y - pelvis.y) * (nose.y - pelvis.y)).squareRoot()
        let left = dist(.leftHip, .leftKnee) + dist(.leftKnee, .leftAnkle)
        let right = dist(.rightHip, .rightKnee) + dist(.rightKnee, .rightAnkle)
        // Nose-to-pelvis ≈ 0.43 H and hip-to-ankle ≈ 0.48 H for an adult: their sum ≈ 0.91 H. A trunk under half
        // of what the legs imply is a head the model made up (legs-only shots: it puts a "head" inside the
        // legs' crop): the legs alone give the height then.
        let leg = max(left, right)
        let h = (trunk >= 0.45 * leg ? trunk + leg : 1.9 * leg) / 0.91
        return h.isFinite && h > 1 ? h : nil
    }

    /// Whether a landmark is usable: visible and present at least `threshold`.
    func isUsable(_ index: LandmarkIndex, threshold: Double, presence: Double? = nil) -> Bool {
        let l = self[index]
        return l.x.isFinite && l.y.isFinite && l.visibility >= threshold && l.presence >= (presence ?? threshold)
    }
}
