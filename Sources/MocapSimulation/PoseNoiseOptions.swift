/// How far simulated landmarks stray from the truth, modelled on what BlazePose (full model, video mode, the
/// walker cropped to its 256-px input) does on real footage. Every knob is here; `none` gives the true pose and
/// `realistic` the default of the sweep. Errors are standard deviations in walker heights unless stated.
public struct PoseNoiseOptions: Sendable, Equatable {
    /// Per-landmark 2-D error by body part. Feet are the worst (small, fast, similar-looking left and right:
    /// ~1–2 % of the height), hips and shoulders the best (large, slow, anchored by the torso).
    public var feetSigma: Double
    public var kneeSigma: Double
    public var hipSigma: Double
    public var shoulderSigma: Double
    public var armSigma: Double
    public var handSigma: Double
    public var faceSigma: Double
    /// Correlation time of each landmark's error (AR(1)), seconds: BlazePose's video mode starts each frame from
    /// the previous frame's crop, so errors persist over a few frames rather than flickering independently.
    public var correlationTime: Double
    /// Below this walker height (pixels) the error stops shrinking with the walker: the crop is upscaled, the
    /// feet are a few blurry pixels, so the error relative to the walker grows as 1/height.
    public var smallWalkerHeight: Double
    /// Added in quadrature to every 2-D error (pixels): blur and compression at any size.
    public var blurPixels: Double
    /// Shared shift of the whole pose (the crop box jittering), with its own slower correlation time.
    public var boxJitterSigma: Double
    public var boxJitterTime: Double
    /// Error of the image landmarks' z (relative depth, pixel scale), walker heights: BlazePose's z is rough.
    public var depthSigma: Double
    /// World-landmark error, metres: across the picture (x, y) and in depth (z, worse from a single view).
    /// Feet get 1.5× (as in 2-D).
    public var worldSigma: Double
    public var worldDepthSigma: Double
    /// Frames with no pose at all (the tracker lost the walker): single frames and bursts of 3–8 frames.
    public var dropoutsPerSecond: Double
    public var dropoutBurstsPerSecond: Double
    /// Left and right lower legs swapped (knee, ankle, heel, toe; image and world) for 1–3 frames.
    public var legSwapsPerSecond: Double
    /// One frame where one foot's ankle, heel and toe are pulled part of the way (30–70 %) toward the other
    /// foot's: the model mixing up two similar-looking feet (seen on the dev clips: a resting heel pulled 13 % of
    /// the height toward the landing one).
    public var footGlitchesPerSecond: Double
    /// The far leg hidden behind the near one (side views, mid-swing crossing): lower visibility and a larger
    /// error while a far-leg point lies within `legHalfWidth` (metres) of a near-leg segment in the picture.
    public var occlusion: Bool
    public var legHalfWidth: Double
    public var occludedVisibility: ClosedRange<Double>
    public var occludedErrorScale: Double
    /// The face seen from behind is guessed: low visibility.
    public var hiddenFaceVisibility: ClosedRange<Double>
    /// Visibility and presence of a landmark that is seen.
    public var visibleVisibility: ClosedRange<Double>
    /// Points outside the picture are still reported (BlazePose extrapolates) with a larger error and, when
    /// `flagsOutsidePoints`, low visibility and presence.
    public var flagsOutsidePoints: Bool
    public var outsideVisibility: ClosedRange<Double>
    public var outsideErrorScale: Double
    /// The pose's presence score.
    public var score: ClosedRange<Double>

    /// The true pose: no error, everything visible, a steady score.
    public static let none = PoseNoiseOptions(
        feetSigma: 0, kneeSigma: 0, hipSigma: 0, shoulderSigma: 0, armSigma: 0, handSigma: 0, faceSigma: 0,
        correlationTime: 0.05, smallWalkerHeight: 0, blurPixels: 0, boxJitterSigma: 0, boxJitterTime: 0.3,
        depthSigma: 0, worldSigma: 0, worldDepthSigma: 0, dropoutsPerSecond: 0, dropoutBurstsPerSecond: 0,
        legSwapsPerSecond: 0, footGlitchesPerSecond: 0, occlusion: false, legHalfWidth: 0.06, occludedVisibility: 1...1,
        occludedErrorScale: 1, hiddenFaceVisibility: 1...1, visibleVisibility: 1...1, flagsOutsidePoints: false,
        outsideVisibility: 1...1, outsideErrorScale: 1, score: 0.9...0.9)

    /// BlazePose-like. Why these numbers: the model sees the walker as ~200 px of its 256-px crop and places a
    /// foot within ~2–3 crop pixels (1.3 % of the height; the 1–2 %), the torso points within ~1; video
    /// mode starts each frame from the last frame's crop, so errors persist ~50 ms; below ~160 px the crop is
    /// upsampled from fewer real pixels and the error stops shrinking. Rare events are the failures seen on the
    /// dev clips (bench/RESULTS.md): a lost frame now and then (0.2/s) and short losses (0.03/s), left/right
    /// leg confusion (0.15/s, 1–3 frames), a heel pulled toward the other foot for a frame (0.2/s), the far foot
    /// poorly seen behind the near leg. World landmarks: a few cm, depth worse (single view).
    public static let realistic = PoseNoiseOptions(
        feetSigma: 0.013, kneeSigma: 0.010, hipSigma: 0.006, shoulderSigma: 0.006, armSigma: 0.010,
        handSigma: 0.015, faceSigma: 0.005, correlationTime: 0.05, smallWalkerHeight: 160, blurPixels: 0.7,
        boxJitterSigma: 0.005, boxJitterTime: 0.3, depthSigma: 0.05, worldSigma: 0.02, worldDepthSigma: 0.05,
        dropoutsPerSecond: 0.2, dropoutBurstsPerSecond: 0.03, legSwapsPerSecond: 0.15, footGlitchesPerSecond: 0.2,
        occlusion: true,
        legHalfWidth: 0.06, occludedVisibility: 0.15...0.45, occludedErrorScale: 3, hiddenFaceVisibility: 0.05...0.3,
        visibleVisibility: 0.85...0.99, flagsOutsidePoints: true, outsideVisibility: 0.02...0.3,
        outsideErrorScale: 2, score: 0.85...0.95)

    /// `realistic` with the jitter scaled to what Footfall's BlazePose measurably does on the dev clips: the
    /// landmarks' frame-to-frame error (the part above 6 Hz, robust spread, as a share of the walker's height or in
    /// cm) on sideview, oblique and sports2d against the same figure on this simulation (cmu_07_06 at 0°, 45°, 90°,
    /// ~220 px, 30 fps): heels 0.2–0.65 % real vs 0.7 % simulated, hips 0.12–0.35 % vs 0.36 %, world heels
    /// 0.4–1.4 cm across and 0.5–2.1 cm in depth vs 1.6 and 4.0 cm, image z of the heels 2.3–5.6 % vs 2.2–3.0 %.
    /// The slow part of the error (a pose off for a second) cannot be measured this way and is kept; so are the
    /// dropouts, swaps, glitches and occlusion.
    public static let measured: PoseNoiseOptions = {
        var n = realistic
        n.feetSigma = 0.008
        n.kneeSigma = 0.006
        n.hipSigma = 0.004
        n.worldSigma = 0.01
        n.worldDepthSigma = 0.018
        return n
    }()

    public init(
        feetSigma: Double, kneeSigma: Double, hipSigma: Double, shoulderSigma: Double, armSigma: Double,
        handSigma: Double, faceSigma: Double, correlationTime: Double, smallWalkerHeight: Double, blurPixels: Double,
        boxJitterSigma: Double, boxJitterTime: Double, depthSigma: Double, worldSigma: Double,
        worldDepthSigma: Double, dropoutsPerSecond: Double, dropoutBurstsPerSecond: Double,
        legSwapsPerSecond: Double, footGlitchesPerSecond: Double, occlusion: Bool, legHalfWidth: Double,
        occludedVisibility: ClosedRange<Double>,
        occludedErrorScale: Double, hiddenFaceVisibility: ClosedRange<Double>, visibleVisibility: ClosedRange<Double>,
        flagsOutsidePoints: Bool, outsideVisibility: ClosedRange<Double>, outsideErrorScale: Double,
        score: ClosedRange<Double>
    ) {
        self.feetSigma = feetSigma
        self.kneeSigma = kneeSigma
        self.hipSigma = hipSigma
        self.shoulderSigma = shoulderSigma
        self.armSigma = armSigma
        self.handSigma = handSigma
        self.faceSigma = faceSigma
        self.correlationTime = correlationTime
        self.smallWalkerHeight = smallWalkerHeight
        self.blurPixels = blurPixels
        self.boxJitterSigma = boxJitterSigma
        self.boxJitterTime = boxJitterTime
        self.depthSigma = depthSigma
        self.worldSigma = worldSigma
        self.worldDepthSigma = worldDepthSigma
        self.dropoutsPerSecond = dropoutsPerSecond
        self.dropoutBurstsPerSecond = dropoutBurstsPerSecond
        self.legSwapsPerSecond = legSwapsPerSecond
        self.footGlitchesPerSecond = footGlitchesPerSecond
        self.occlusion = occlusion
        self.legHalfWidth = legHalfWidth
        self.occludedVisibility = occludedVisibility
        self.occludedErrorScale = occludedErrorScale
        self.hiddenFaceVisibility = hiddenFaceVisibility
        self.visibleVisibility = visibleVisibility
        self.flagsOutsidePoints = flagsOutsidePoints
        self.outsideVisibility = outsideVisibility
        self.outsideErrorScale = outsideErrorScale
        self.score = score
    }

    /// 2-D error of one landmark in walker heights, by body part.
    func sigma(of landmark: Int) -> Double {
        switch landmark {
        case 0...10: faceSigma
        case 11, 12: shoulderSigma
        case 13...16: armSigma
        case 17...22: handSigma
        case 23, 24: hipSigma
        case 25, 26: kneeSigma
        default: feetSigma
        }
    }
}
