/// One motion-capture clip as the simulation uses it: the `BodyPoint`s in metres per sample, Y up, the floor
/// levelled to y = 0, and the clip's foot contacts. Made from a BVH file (`BVHClipReader`) or a test fixture
/// (`MocapFixture`); everything after that is shared.
public struct MocapClip: Sendable {
    /// "cmu_07_06".
    public var name: String
    public var category: ClipCategory
    public var sampleInterval: Double
    /// File time of `samples[0]` (the BVH's frame index × Frame Time, so it matches `contacts`).
    public var startTime: Double
    /// `samples[frame][BodyPoint.rawValue]`.
    public var samples: [[Vec3]]
    /// In file time.
    public var contacts: ContactTruth

    public init(
        name: String, category: ClipCategory, sampleInterval: Double, startTime: Double, samples: [[Vec3]],
        contacts: ContactTruth
    ) {
        self.name = name
        self.category = category
        self.sampleInterval = sampleInterval
        self.startTime = startTime
        self.samples = samples
        self.contacts = contacts
    }

    public var endTime: Double { startTime + Double(max(samples.count - 1, 0)) * sampleInterval }
    public var duration: Double { endTime - startTime }

    /// Body points at a file time, linearly interpolated between samples (at 60–120 Hz the error is well under a
    /// millimetre for walking), clamped to the clip.
    public func points(at time: Double) -> [Vec3] {
        let u = min(max((time - startTime) / sampleInterval, 0), Double(samples.count - 1))
        let i = min(Int(u), samples.count - 1)
        let f = u - Double(i)
        guard f > 1e-9, i + 1 < samples.count else { return samples[i] }
        let a = samples[i]
        let b = samples[i + 1]
        return (0..<a.count).map { Vec3.mix(a[$0], b[$0], f) }
    }

    public func point(_ p: BodyPoint, sample: Int) -> Vec3 { samples[sample][p.rawValue] }

    /// The part between two file times (contacts are kept as they are: they stay in file time).
    public func excerpt(from start: Double, to end: Double) -> MocapClip {
        let first = max(0, Int(((start - startTime) / sampleInterval).rounded(.up)))
        let last = min(samples.count - 1, Int(((end - startTime) / sampleInterval).rounded(.down)))
        var copy = self
        copy.samples = first <= last ? Array(samples[first...last]) : []
        copy.startTime = startTime + Double(first) * sampleInterval
        return copy
    }

    /// Every `step`-th sample (120 Hz → 60 Hz with 2).
    public func decimated(by step: Int) -> MocapClip {
        var copy = self
        copy.samples = stride(from: 0, to: samples.count, by: max(step, 1)).map { samples[$0] }
        copy.sampleInterval = sampleInterval * Double(max(step, 1))
        return copy
    }

    /// The direction the body faces, averaged over the clip (horizontal unit vector): the hips' left-to-right axis
    /// turned a quarter round. The camera's azimuth is measured from it, so "0° = walking toward the camera"
    /// holds for the straight walks (they face where they go) and still means something for the negatives.
    public var meanFacing: Vec3 {
        var sum = Vec3.zero
        for s in samples {
            let left =
                (s[BodyPoint.leftHip.rawValue] - s[BodyPoint.rightHip.rawValue])
                + (s[BodyPoint.leftShoulder.rawValue] - s[BodyPoint.rightShoulder.rawValue])
            // left = up × forward, so forward = left × up.
            sum += left.horizontal.normalized.cross(Vec3.up)
        }
        let f = sum.horizontal.normalized
        return f.length > 0.5 ? f : Vec3(0, 0, 1)
    }

    /// The direction the camera's azimuth is measured from (horizontal unit vector): where the walker goes when
    /// the clip travels (net displacement ≥ 1.5 m and at least half the path, so "0° = walking toward the
    /// camera" holds for straight walks and for start–stop clips with spins), else where the body faces.
    public var heading: Vec3 {
        guard samples.count > 1 else { return meanFacing }
        var path = 0.0
        var last = pelvis(sample: 0).horizontal
        for i in stride(from: 4, to: samples.count, by: 4) {
            let p = pelvis(sample: i).horizontal
            path += (p - last).length
            last = p
        }
        let net = pelvis(sample: samples.count - 1).horizontal - pelvis(sample: 0).horizontal
        return net.length >= 1.5 && net.length >= 0.5 * path ? net.normalized : meanFacing
    }

    /// Hip centre (BlazePose's origin) of one sample.
    public func pelvis(sample: Int) -> Vec3 {
        Vec3.mix(point(.leftHip, sample: sample), point(.rightHip, sample: sample), 0.5)
    }
}
