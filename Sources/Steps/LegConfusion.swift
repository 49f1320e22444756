import FootfallCore

/// Frames where the pose model confused the legs. BlazePose pulls both legs' landmarks toward each other for a
/// frame or two when one leg hides the other (in side views often right at a heel strike): the resting foot
/// jumps far off its place and the landing one is pulled back. The per-foot glitch test catches the big jump
/// but not the smaller pull on the other foot, which then moves the heel strike by a frame or two; so a frame
/// where either heel jumps far off its path counts as unseen for both feet.
enum LegConfusion {
    /// Below this frame rate a foot moves so far between frames that a jump cannot be told from motion.
    static let minFrameRate = 20.0

    /// Indices into `track` of confused frames: a heel that the Hampel test (±2 consecutive frames) finds off
    /// its path by more than 2.4 walker heights/s × the frame interval (8 % of the height at 30 fps, far beyond
    /// landmark jitter).
    static func frames(in track: WalkerTrack, visibility: Double) -> Set<Int> {
        let times = track.times
        guard times.count >= 5,
            let frameStep = track.frameStep, frameStep > 0,
            1 / frameStep >= minFrameRate,
            let height = SignalMath.median(track.poses.compactMap(\.apparentHeight).filter { $0 > 0 })
        else { return [] }
        var confused = Set<Int>()
        for heel in [LandmarkIndex.leftHeel, .rightHeel] {
            let seen = track.poses.map { $0.isUsable(heel, threshold: visibility) }
            for coordinate in [\Landmark.x, \Landmark.y] {
                let values = zip(track.poses, seen).map { $1 ? $0[heel][keyPath: coordinate] : nil }
                let kept = SegmentSignals.despike(
                    values, times: times, frameStep: frameStep, floor: 2.4 * frameStep * height)
                for i in values.indices where values[i] != nil && kept[i] == nil { confused.insert(i) }
            }
        }
        return confused
    }
}
