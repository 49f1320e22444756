import FootfallCore

/// A walker's feet in the walker's own frame, whatever the camera angle: `up` along the legs' mean direction
/// (over a gait cycle the legs swing symmetrically about the vertical), `forward` where the body faces (the feet
/// point forward; the hips' left-to-right line is perpendicular to it), both per track frame.
///
/// Positions come from BlazePose's world landmarks (metres, hip-centred) when the pose file has them, otherwise
/// from the image landmarks with their relative depth `z` (pixels). Lengths are in leg lengths (hip to ankle),
/// so thresholds hold for children and adults, near and far. Both feet are measured in one picture, so camera
/// motion cancels in everything relative (foot to foot, foot to pelvis).
struct BodyFrame {
    enum Source: String {
        case world, image
        /// Both, each channel weighted by how steady it is (`fused`).
        case fused = "world+image"
    }

    let source: Source
    /// Per track frame, in leg lengths; nil where the point is not usable.
    var heelForward: [Foot: [Double?]]
    var toeForward: [Foot: [Double?]]
    /// Heel height relative to the pelvis along `up` (negative: below it).
    var heelUp: [Foot: [Double?]]

    /// Nil when the track has too few frames with a usable lower body.
    init?(track: WalkerTrack, signals: SegmentSignals, minVisibility: Double) {
        let worldCount = track.poses.filter { ($0.world?.count ?? 0) == LandmarkIndex.count }.count
        guard let image = Self(track: track, signals: signals, minVisibility: minVisibility, source: .image) else {
            return nil
        }
        guard 2 * worldCount >= track.poses.count,
            let world = Self(track: track, signals: signals, minVisibility: minVisibility, source: .world)
        else {
            self = image
            return
        }
        self = Self.fused(world, image)
    }

    private init(
        heelForward: [Foot: [Double?]], toeForward: [Foot: [Double?]], heelUp: [Foot: [Double?]], source: Source
    ) {
        self.heelForward = heelForward
        self.toeForward = toeForward
        self.heelUp = heelUp
        self.source = source
    }

    /// The world and image landmarks measure the same positions with different errors: the image's are exact
    /// across the picture and rough in depth, the world landmarks' the reverse, so which is better depends on the
    /// view. Each channel is their inverse-variance mean, the variance read off the channel's own frame-to-frame
    /// roughness (what the walker's motion cannot do between two frames is error).
    static func fused(_ a: BodyFrame, _ b: BodyFrame) -> BodyFrame {
        func fuse(_ x: [Double?], _ y: [Double?]) -> [Double?] {
            guard let vx = roughness(x), let vy = roughness(y) else { return roughness(x) == nil ? y : x }
            let wx = vy / (vx + vy)
            return zip(x, y).map { p, q in
                switch (p, q) {
                case (let p?, let q?): wx * p + (1 - wx) * q
                case (let p?, nil): p
                case (nil, let q?): q
                default: nil
                }
            }
        }
        var heel: [Foot: [Double?]] = [:]
        var toe: [Foot: [Double?]] = [:]
        for foot in Foot.allCases {
            heel[foot] = fuse(a.heelForward[foot] ?? [], b.heelForward[foot] ?? [])
            toe[foot] = fuse(a.toeForward[foot] ?? [], b.toeForward[foot] ?? [])
        }
        return BodyFrame(heelForward: heel, toeForward: toe, heelUp: a.heelUp, source: .fused)
    }

    /// Noise variance of a per-frame channel from its second differences (robust: median absolute deviation);
    /// nil with too few consecutive samples.
    static func roughness(_ x: [Double?]) -> Double? {
        var d: [Double] = []
        for i in x.indices.dropFirst().dropLast() {
            if let a = x[i - 1], let b = x[i], let c = x[i + 1] { d.append(abs(b - (a + c) / 2)) }
        }
        guard d.count >= 10, let m = SignalMath.median(d) else { return nil }
        // For white noise of variance v the midpoint residual has variance 1.5 v.
        return max(1e-8, (1.4826 * m) * (1.4826 * m) / 1.5)
    }

    private init?(track: WalkerTrack, signals: SegmentSignals, minVisibility: Double, source: Source) {
        let poses = track.poses
        self.source = source
        let points: [[SIMD3<Double>]] = poses.map { p in
            if source == .world, let w = p.world, w.count == LandmarkIndex.count {
                return w.map { SIMD3($0.x, $0.y, $0.z) }
            }
            return p.landmarks.map { SIMD3($0.x, $0.y, $0.z) }
        }
        func seen(_ i: Int, _ index: LandmarkIndex) -> Bool { poses[i].isUsable(index, threshold: minVisibility) }
        let scale = Self.legLengths(points: points, poses: poses, metric: source == .world)
        guard let up = Self.upAxis(points: points, seen: seen) else { return nil }
        let forward = Self.forwardAxes(
            points: points, times: track.times, up: up, heelSeen: signals.heelUsable, toeSeen: signals.toeUsable,
            hipSeen: { seen($0, .leftHip) && seen($0, .rightHip) })

        var heelForward: [Foot: [Double?]] = [:]
        var toeForward: [Foot: [Double?]] = [:]
        var heelUp: [Foot: [Double?]] = [:]
        for foot in Foot.allCases {
            let heel = foot == .left ? LandmarkIndex.leftHeel : .rightHeel
            let toe = foot == .left ? LandmarkIndex.leftFootIndex : .rightFootIndex
            let heelOK = signals.heelUsable[foot] ?? []
            let toeOK = signals.toeUsable[foot] ?? []
            var hf: [Double?] = []
            var tf: [Double?] = []
            var hu: [Double?] = []
            for i in points.indices {
                let p = points[i]
                let pelvis = (p[LandmarkIndex.leftHip.rawValue] + p[LandmarkIndex.rightHip.rawValue]) / 2
                guard let f = forward[i], let s = scale[i], s > 0 else {
                    hf.append(nil)
                    tf.append(nil)
                    hu.append(nil)
                    continue
                }
                let h = p[heel.rawValue] - pelvis
                let t = p[toe.rawValue] - pelvis
                let usableHeel = i < heelOK.count && heelOK[i]
                hf.append(usableHeel ? Self.dot(h, f) / s : nil)
                hu.append(usableHeel ? Self.dot(h, up) / s : nil)
                tf.append(i < toeOK.count && toeOK[i] ? Self.dot(t, f) / s : nil)
            }
            heelForward[foot] = hf
            toeForward[foot] = tf
            heelUp[foot] = hu
        }
        self.heelForward = heelForward
        self.toeForward = toeForward
        self.heelUp = heelUp
    }

    static func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { (a * b).sum() }

    static func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    static func normalized(_ v: SIMD3<Double>) -> SIMD3<Double>? {
        let n = dot(v, v).squareRoot()
        return n > 1e-9 && n.isFinite ? v / n : nil
    }

    /// Hip-to-ankle length per frame. World landmarks are metric: one length for the track. Image landmarks
    /// shrink and grow with distance: the walker's apparent height × 0.48 (hip to ankle of an adult), steadied by
    /// a running median so a bent knee does not move it.
    static func legLengths(points: [[SIMD3<Double>]], poses: [WalkerPose], metric: Bool) -> [Double?] {
        switch metric {
        case true:
            let lengths = points.map { p -> Double in
                func d(_ a: LandmarkIndex, _ b: LandmarkIndex) -> Double {
                    let v = p[a.rawValue] - p[b.rawValue]
                    return dot(v, v).squareRoot()
                }
                return max(
                    d(.leftHip, .leftKnee) + d(.leftKnee, .leftAnkle),
                    d(.rightHip, .rightKnee) + d(.rightKnee, .rightAnkle))
            }
            let m = SignalMath.median(lengths.filter { $0.isFinite && $0 > 0.2 })
            return lengths.map { _ in m }
        case false:
            let raw = poses.map { $0.apparentHeight.map { 0.48 * $0 } }
            return raw.indices.map { i in
                let window = raw[max(0, i - 7)...min(raw.count - 1, i + 7)].compactMap { $0 }
                return SignalMath.median(window)
            }
        }
    }

    /// The walker's up direction: the mean of ankle-to-hip over the track, when the legs are seen.
    static func upAxis(points: [[SIMD3<Double>]], seen: (Int, LandmarkIndex) -> Bool) -> SIMD3<Double>? {
        var sum = SIMD3<Double>(repeating: 0)
        for (i, p) in points.enumerated() {
            for (hip, ankle) in [(LandmarkIndex.leftHip, LandmarkIndex.leftAnkle), (.rightHip, .rightAnkle)]
            where seen(i, hip) && seen(i, ankle) {
                if let v = normalized(p[hip.rawValue] - p[ankle.rawValue]) { sum += v }
            }
        }
        return normalized(sum)
    }

    /// Facing direction per frame, horizontal (perpendicular to `up`): the feet's heel-to-toe directions plus the
    /// hips' left-to-right line turned by 90° about `up`, averaged over ±0.5 s so that turns are followed but a
    /// single frame's error is not.
    static func forwardAxes(
        points: [[SIMD3<Double>]], times: [Double], up: SIMD3<Double>, heelSeen: [Foot: [Bool]],
        toeSeen: [Foot: [Bool]], hipSeen: (Int) -> Bool
    ) -> [SIMD3<Double>?] {
        func horizontal(_ v: SIMD3<Double>) -> SIMD3<Double>? { normalized(v - dot(v, up) * up) }
        let perFrame: [SIMD3<Double>?] = points.indices.map { i in
            let p = points[i]
            var sum = SIMD3<Double>(repeating: 0)
            var n = 0
            for foot in Foot.allCases
            where heelSeen[foot]?[i] == true && toeSeen[foot]?[i] == true {
                let heel = foot == .left ? LandmarkIndex.leftHeel : .rightHeel
                let toe = foot == .left ? LandmarkIndex.leftFootIndex : .rightFootIndex
                if let v = horizontal(p[toe.rawValue] - p[heel.rawValue]) {
                    sum += v
                    n += 1
                }
            }
            // Person's left × up = forward in a right-handed frame (x right, y down, z away from the camera).
            if hipSeen(i),
                let v = horizontal(
                    cross(p[LandmarkIndex.leftHip.rawValue] - p[LandmarkIndex.rightHip.rawValue], up))
            {
                sum += 2 * v
                n += 2
            }
            return n > 0 ? sum / Double(n) : nil
        }
        var out: [SIMD3<Double>?] = []
        var lo = 0
        var hi = 0
        var sum = SIMD3<Double>(repeating: 0)
        for i in times.indices {
            while hi < times.count && times[hi] <= times[i] + 0.5 {
                if let v = perFrame[hi] { sum += v }
                hi += 1
            }
            while times[lo] < times[i] - 0.5 {
                if let v = perFrame[lo] { sum -= v }
                lo += 1
            }
            out.append(horizontal(sum))
        }
        return out
    }
}
