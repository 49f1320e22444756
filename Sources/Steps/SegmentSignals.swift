import FootfallCore

/// One track's landmark trajectories on a uniform grid, cleaned (single-frame glitches removed) and
/// zero-phase low-passed; foot channels are nil where the foot was missing for longer than a bridgeable gap.
struct SegmentSignals {
    struct FootChannels {
        var heelX: [Double?]
        var heelY: [Double?]
        var toeX: [Double?]
        var toeY: [Double?]
        /// Heel visibility at the nearest frame, for confidence.
        var visibility: [Double]
    }

    let grid: TrajectoryGrid
    let pelvisX: [Double?]
    let pelvisY: [Double?]
    /// Apparent height in pixels (filtered more strongly: it is a distance cue, not a gait signal).
    let height: [Double?]
    let feet: [Foot: FootChannels]
    /// Grid index ranges where the body (pelvis + height) is known.
    let bodyRuns: [Range<Int>]
    /// Frame times where the legs were confused (`LegConfusion`); both feet count as unseen there.
    let confusedTimes: [Double]
    /// Upright picture size (zero when unknown).
    let frameSize: (width: Double, height: Double)
    /// Per track frame: whether each foot's heel and toe are usable (seen, inside the picture, legs not
    /// confused there).
    let heelUsable: [Foot: [Bool]]
    let toeUsable: [Foot: [Bool]]
    /// The longest gap bridged by interpolation (at low frame rates longer than the options', see `StepDetector`).
    let maxBridgedGap: Double

    /// `frameSize` (upright width, height; zero if unknown): a foot whose heel or toe lies outside the picture is
    /// missing (pose models extrapolate such points, and a foot leaving the picture is not a step).
    /// Within 2 % of the border counts as outside.
    init(
        track: WalkerTrack, options: StepDetectorOptions, gridRate: Double, cutoffHz: Double,
        frameSize: (width: Double, height: Double) = (0, 0)
    ) {
        let grid = TrajectoryGrid(start: track.times.first ?? 0, end: track.times.last ?? 0, rate: gridRate)
        self.grid = grid
        self.frameSize = frameSize
        self.maxBridgedGap = options.maxBridgedGap
        let times = track.times
        let threshold = options.minVisibility
        let minRun = max(3, Int(0.25 * gridRate))
        let frameStep = track.frameStep ?? 0

        func channel(_ values: [Double?], scale: [Double?]) -> [Double?] {
            // Glitch removal on frame samples: floor at 3 % of the walker height so normal motion is untouched.
            let floorPx = (SignalMath.median(scale.compactMap { $0 }) ?? 100) * 0.03
            let cleaned = Self.despike(values, times: times, frameStep: frameStep, floor: floorPx)
            return grid.resample(times: times, values: cleaned, maxGap: options.maxBridgedGap)
        }
        let hipsOK = track.poses.map {
            $0.isUsable(.leftHip, threshold: threshold) || $0.isUsable(.rightHip, threshold: threshold)
        }
        let rawHeight: [Double?] = zip(track.poses, hipsOK).map { $1 ? $0.apparentHeight : nil }
        let px = channel(zip(track.poses, hipsOK).map { $1 ? $0.pelvis.x : nil }, scale: rawHeight)
        let py = channel(zip(track.poses, hipsOK).map { $1 ? $0.pelvis.y : nil }, scale: rawHeight)
        let hh = channel(rawHeight, scale: rawHeight)
        let bodyRuns = TrajectoryGrid.runs([px, py, hh], minLength: minRun)
        self.bodyRuns = bodyRuns
        let lowPass = ZeroPhaseLowPass(cutoffHz: cutoffHz, sampleRate: gridRate)
        let slowPass = ZeroPhaseLowPass(cutoffHz: min(1, cutoffHz), sampleRate: gridRate)
        pelvisX = Self.filtered(px, runs: bodyRuns, with: lowPass)
        pelvisY = Self.filtered(py, runs: bodyRuns, with: lowPass)
        height = Self.filtered(hh, runs: bodyRuns, with: slowPass)

        let confused = LegConfusion.frames(in: track, visibility: threshold)
        self.confusedTimes = confused.sorted().map { times[$0] }
        var feet: [Foot: FootChannels] = [:]
        var heelUsable: [Foot: [Bool]] = [:]
        var toeUsable: [Foot: [Bool]] = [:]
        for foot in Foot.allCases {
            let heel: LandmarkIndex = foot == .left ? .leftHeel : .rightHeel
            let toe: LandmarkIndex = foot == .left ? .leftFootIndex : .rightFootIndex
            func inside(_ p: WalkerPose, _ i: LandmarkIndex) -> Bool {
                guard frameSize.width > 0, frameSize.height > 0 else { return true }
                // A 2 % margin: at the very edge a foot is already partly out of the picture.
                let l = p[i]
                let mx = 0.02 * frameSize.width
                let my = 0.02 * frameSize.height
                return l.x >= mx && l.y >= my && l.x <= frameSize.width - mx && l.y <= frameSize.height - my
            }
            let footInside = track.poses.enumerated().map {
                !confused.contains($0.offset) && inside($0.element, heel) && inside($0.element, toe)
            }
            let heelOK = Self.usable(
                heel, in: track, inside: footInside, threshold: threshold,
                hidden: options.minHiddenFootVisibility, maxHiddenSpan: options.maxHiddenFootSpan)
            let toeOK = Self.usable(
                toe, in: track, inside: footInside, threshold: threshold,
                hidden: options.minHiddenFootVisibility, maxHiddenSpan: options.maxHiddenFootSpan)
            heelUsable[foot] = heelOK
            toeUsable[foot] = toeOK
            let hx = channel(zip(track.poses, heelOK).map { $1 ? $0[heel].x : nil }, scale: rawHeight)
            let hy = channel(zip(track.poses, heelOK).map { $1 ? $0[heel].y : nil }, scale: rawHeight)
            let tx = channel(zip(track.poses, toeOK).map { $1 ? $0[toe].x : nil }, scale: rawHeight)
            let ty = channel(zip(track.poses, toeOK).map { $1 ? $0[toe].y : nil }, scale: rawHeight)
            let heelRuns = TrajectoryGrid.runs([px, py, hh, hx, hy], minLength: minRun)
            let toeRuns = TrajectoryGrid.runs([px, py, hh, tx, ty], minLength: minRun)
            var vis = [Double](repeating: 0, count: grid.count)
            var j = 0
            for i in 0..<grid.count {
                let t = grid.time(Double(i))
                while j + 1 < times.count && abs(times[j + 1] - t) <= abs(times[j] - t) { j += 1 }
                let l = track.poses[j][heel]
                vis[i] = min(l.visibility, l.presence)
            }
            feet[foot] = FootChannels(
                heelX: Self.filtered(hx, runs: heelRuns, with: lowPass),
                heelY: Self.filtered(hy, runs: heelRuns, with: lowPass),
                toeX: Self.filtered(tx, runs: toeRuns, with: lowPass),
                toeY: Self.filtered(ty, runs: toeRuns, with: lowPass), visibility: vis)
        }
        self.feet = feet
        self.heelUsable = heelUsable
        self.toeUsable = toeUsable
    }

    /// Per frame: the landmark is seen (visibility and presence ≥ `threshold`), or hidden only briefly — present,
    /// visibility ≥ `hidden`, in a run no longer than `maxHiddenSpan` between seen frames (a heel behind the other
    /// shank or its own foot at the strike). Longer low-visibility runs (a robe, legs the model only guesses) stay
    /// missing.
    static func usable(
        _ index: LandmarkIndex, in track: WalkerTrack, inside: [Bool], threshold: Double, hidden: Double,
        maxHiddenSpan: Double
    ) -> [Bool] {
        let poses = track.poses
        let seen = poses.indices.map { inside[$0] && poses[$0].isUsable(index, threshold: threshold) }
        guard hidden < threshold else { return seen }
        let guessed = poses.indices.map {
            inside[$0] && poses[$0].isUsable(index, threshold: hidden, presence: threshold)
        }
        var out = seen
        // How long the point was hidden: its hidden frames' share of time, one frame step each (the gap between
        // the seen frames around them is one step longer; at 10 fps that step is 0.1 s).
        let step = track.frameStep ?? 0
        var i = 0
        while i < poses.count {
            guard !seen[i], guessed[i] else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < poses.count, !seen[j + 1], guessed[j + 1] { j += 1 }
            let bounded = i > 0 && seen[i - 1] && j + 1 < poses.count && seen[j + 1]
            if bounded, track.times[j + 1] - track.times[i - 1] - step <= maxHiddenSpan {
                for k in i...j { out[k] = true }
            }
            i = j + 1
        }
        return out
    }

    /// Filters each run separately; values outside the runs become nil.
    static func filtered(_ x: [Double?], runs: [Range<Int>], with filter: ZeroPhaseLowPass) -> [Double?] {
        var out = [Double?](repeating: nil, count: x.count)
        for run in runs {
            let y = filter.apply(run.map { x[$0] ?? 0 })
            for (k, i) in run.enumerated() { out[i] = y[k] }
        }
        return out
    }

    /// Hampel test over the present samples (±2 neighbours): outliers become missing, so the grid interpolates
    /// across them from their neighbours instead of keeping a median that would bend the trajectory.
    /// Only samples whose neighbours are consecutive frames are judged: across a missing frame a moving foot
    /// travels twice as far, and at low frame rates that looked like a glitch and cost the step. `frameStep`: the
    /// track's usual frame interval.
    static func despike(_ values: [Double?], times: [Double], frameStep: Double, floor: Double) -> [Double?] {
        let idx = values.indices.filter { values[$0] != nil }
        let present = idx.map { values[$0] ?? 0 }
        let cleaned = SignalMath.hampel(present, half: 2, k: 3, floor: floor)
        func gapFree(_ k: Int) -> Bool {
            let lo = max(0, k - 2)
            let hi = min(idx.count - 1, k + 2)
            return lo >= hi || times[idx[hi]] - times[idx[lo]] <= (Double(hi - lo) + 0.5) * frameStep
        }
        var out = values
        for (k, i) in idx.enumerated() where cleaned[k] != present[k] && gapFree(k) { out[i] = nil }
        return out
    }
}

extension SegmentSignals {
    /// Neither heel is seen for 80 % of the time the body is (feet below the picture, in the dark, under a robe).
    var feetMostlyUnseen: Bool {
        let body = bodyRuns.reduce(0) { $0 + $1.count }
        guard body > 0 else { return false }
        let seen = (0..<grid.count).filter { i in feet.values.contains { $0.heelX[i] != nil } }.count
        return Double(seen) < 0.2 * Double(body)
    }
}
