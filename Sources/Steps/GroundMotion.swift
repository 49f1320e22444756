import FootfallCore

/// Each heel's motion in the picture relative to the ground: its image velocity minus the background's
/// (`PoseFrame.camera`, when the pose stage measured it), in walker heights per second. In stance a foot does not
/// move over the ground, so this is the direct, view-independent sign of contact wherever the foot's image motion
/// is large enough to see (side and oblique views; from the front the swing is mostly in depth).
struct GroundMotion {
    let dt: Double
    /// Per grid sample: velocity (x, y) of each heel over the ground, heights/s; nil where the heel is unseen.
    let velocity: [Foot: [(Double, Double)?]]

    init(track: WalkerTrack, signals s: SegmentSignals) {
        dt = s.grid.step
        let grid = s.grid
        let measured = track.camera.contains { $0 != nil }
        let cx = grid.resample(times: track.times, values: track.camera.map { $0?.dx ?? 0 }, maxGap: 1)
        let cy = grid.resample(times: track.times, values: track.camera.map { $0?.dy ?? 0 }, maxGap: 1)
        var velocity: [Foot: [(Double, Double)?]] = [:]
        for foot in Foot.allCases {
            guard let ch = s.feet[foot] else { continue }
            var out = [(Double, Double)?](repeating: nil, count: grid.count)
            for run in TrajectoryGrid.runs([ch.heelX, ch.heelY, s.height], minLength: 3) {
                let x = run.map { (ch.heelX[$0] ?? 0) - (measured ? cx[$0] ?? 0 : 0) }
                let y = run.map { (ch.heelY[$0] ?? 0) - (measured ? cy[$0] ?? 0 : 0) }
                let vx = SignalMath.derivative(x, dt: dt)
                let vy = SignalMath.derivative(y, dt: dt)
                for (k, i) in run.enumerated() {
                    let h = max(s.height[i] ?? 1, 1)
                    out[i] = (vx[k] / h, vy[k] / h)
                }
            }
            velocity[foot] = out
        }
        self.velocity = velocity
    }

    /// Fractional grid index near the heel's forward maximum at `g` where its speed over the ground has fallen
    /// to `pictureRestFraction` of its swing speed. The stance velocity (the flattest 0.08 s within 0.05–0.35 s
    /// after) is subtracted first, so an unmeasured steady pan cancels too. Nil when the swing is too slow to see
    /// in the picture (`minSwingSpeed`), or the stance is not seen.
    func restIndex(foot: Foot, after g: Int, options: StepDetectorOptions) -> Double? {
        guard let v = velocity[foot] else { return nil }
        let lo = g - Int(0.25 / dt)
        let hi = g + Int(0.35 / dt)
        guard lo >= 0, hi < v.count, (lo...hi).allSatisfy({ v[$0] != nil }) else { return nil }
        let vx = (lo...hi).map { v[$0]?.0 ?? 0 }
        let vy = (lo...hi).map { v[$0]?.1 ?? 0 }
        let k = g - lo
        let width = Int(0.08 / dt)
        let sx = ZeniMethod.plateau(vx, from: k + Int(0.05 / dt), to: vx.count - 1, width: width)
        let sy = ZeniMethod.plateau(vy, from: k + Int(0.05 / dt), to: vy.count - 1, width: width)
        let speed = vx.indices.map { ((vx[$0] - sx) * (vx[$0] - sx) + (vy[$0] - sy) * (vy[$0] - sy)).squareRoot() }
        guard let swing = speed[0...k].max(), swing >= options.minSwingSpeed else { return nil }
        guard
            let u = SegmentSignals.firstCrossingBelow(
                speed, level: options.pictureRestFraction * swing, from: max(0, k - Int(0.05 / dt)),
                limit: min(speed.count - 1, k + Int(0.2 / dt)), hold: Int(0.05 / dt))
        else { return nil }
        return Double(lo) + u
    }
}
