/// Which gait-event method to use for a walker.
public enum GaitMethodChoice: String, Sendable, Codable, CaseIterable {
    /// The stride cycle in the walker's own frame (`GaitCycleMethod`), from any view; the pelvis's bounce where
    /// the feet are not seen.
    case automatic = "auto"
    /// The earlier per-view cascade: Zeni or the vertical method chosen from the view (see `ViewClassifier`).
    case cascade
    /// Heel ahead of the pelvis along the walking direction (Zeni et al. 2008): side and oblique views.
    case zeni
    /// The foot coming to rest after its swing, from image motion that is mostly vertical: toward/away views.
    case vertical
}

/// Tuning of `StepDetector`. Defaults follow the gait literature (see `docs` in the README); all lengths are in
/// walker heights so they hold at any distance and resolution.
public struct StepDetectorOptions: Sendable, Equatable {
    public var method: GaitMethodChoice = .automatic
    /// Upper bound of the low-pass cut-off (walking content is below ~6 Hz).
    public var maxCutoffHz: Double = 6
    /// The cut-off is also at most this fraction of the video's Nyquist frequency (low frame rates). Measured on
    /// the dev clips' landmarks decimated to 10 and 15 fps: 0.4 × Nyquist (2 Hz at 10 fps) smooths the heel's
    /// deceleration so much that strikes come 50–100 ms late and some are lost; 0.8 keeps them within ~50 ms.
    public var nyquistFraction: Double = 0.8
    /// Landmarks below this visibility (or presence) count as missing.
    public var minVisibility: Double = 0.5
    /// A heel or toe that is present (inside the picture, presence ≥ `minVisibility`) but hidden behind the other
    /// leg still counts down to this visibility: seen from the front or back, the landing heel is behind the foot
    /// or the other shank exactly at the strike, and the model's guess of it is better than a gap there.
    public var minHiddenFootVisibility: Double = 0.1
    /// The longest such hiding, seconds between the seen frames around it: a strike's occlusion lasts a few
    /// frames.
    public var maxHiddenFootSpan: Double = 0.25
    /// Missing spans up to this long are bridged by interpolation; longer ones split the track (no events inside).
    public var maxBridgedGap: Double = 0.15
    /// Events this close to a gap or a track end get lower confidence (their extremum may be cut off).
    public var gapGuard: Double = 0.12
    /// Minimum time between two steps of one walker (any feet): 200 steps/min.
    public var minStepInterval: Double = 0.3
    /// Maximum time between a step and its neighbour for it to belong to a gait (60 steps/min), with some slack.
    public var maxStepInterval: Double = 1.25
    /// Two feet landing closer than this, with no gait around, is a jump landing, not steps.
    public var jumpSimultaneity: Double = 0.1
    /// Minimum forward excursion of the heel relative to the pelvis (Zeni peak prominence), in walker heights.
    public var minHeelExcursion: Double = 0.06
    /// Minimum stride in the gait-cycle model, in leg lengths (hip to ankle): a heel's forward maximum relative to
    /// the pelvis must stand out by half of it. A walking heel swings by 0.8–1.4 leg lengths relative to the
    /// pelvis (slow walks in the CMU set ≈ 0.7); a weight shift or a shuffle moves a foot by well under 0.3, and
    /// BlazePose's depth error from the front reaches a few tenths over a second.
    public var minStrideSpread: Double = 0.6
    /// Gait-cycle model: the heel has come to rest where its speed over the ground, in the walker's frame, has
    /// fallen to this fraction of the walking speed after its forward maximum. Half is where a low-pass moves the
    /// crossing least.
    public var groundRestFraction: Double = 0.5
    /// Gait-cycle model: the heel has come to rest in the picture where its speed over the ground has fallen to
    /// this fraction of its swing speed.
    public var pictureRestFraction: Double = 0.25
    /// Gait-cycle model: the three contact estimates' leads and lags, added to each before their median is taken.
    /// Measured on the mocap sweep without landmark noise (30 fps, 200 px, all azimuths, straight walks) against
    /// the moment the heel reaches the floor — 17 ms (median) before the contacts of `../shared/mocap`, which mark
    /// the ankle settling — plus 6 ms to the late side (a sound late is forgiven, early is not).
    public var strideLatency: Double = 0.038
    /// A contact after which the pelvis comes down toward the heel by more than this share of the standing
    /// height is a landing (from a jump, a flip, a drop), not a step: a walking or running leg bends by up to
    /// ~0.06 of it under the weight (`GaitCycleMethod.legCompression`). Measured on the dev clips' own pose:
    /// walkers' steps 0.00–0.11, with pose errors up to 0.23; the sports2d back-flip landing 0.40.
    public var maxLandingCompression: Double = 0.3
    public var restLatency: Double = 0.019
    public var pictureRestLatency: Double = 0.021
    /// Minimum swing speed of a foot relative to its stance, in walker heights per second (vertical method).
    public var minSwingSpeed: Double = 0.35
    /// Minimum bounce of the pelvis (peak prominence, in walker heights) for the pelvis method, used when the feet
    /// are not seen; walking bounces the body by about 2–3 % of its height.
    public var minPelvisBounce: Double = 0.01
    /// After the Zeni extremum the heel still decelerates; the strike is where its forward speed over the ground
    /// has fallen to this fraction of the walking speed (1 = the extremum itself). Biases toward the later,
    /// visible contact, which is the safe side for sound (late is forgiven, early is not).
    public var restFraction: Double = 0.5
    /// Vertical method: the strike is where the foot's speed relative to its stance has fallen to this fraction of
    /// its swing peak.
    public var verticalRestFraction: Double = 0.2
    /// Added to every event time (seconds, ≥ 0). ITU-R BT.1359 detects sound 45 ms early but only 125 ms late, so
    /// when in doubt Footfall errs late, never early.
    public var lateBias: Double = 0
    /// Extra delay for uncertain events: `uncertainLateBias × (1 − confidence)` seconds.
    public var uncertainLateBias: Double = 0.02
    /// Align the steps on the footstep sounds of the video's own audio when it evidently carries them
    /// (`FootstepSoundCue`; applied by `StepDetector.detect(frames:info:video:)` in Pipeline, which reads the audio).
    public var followSound = true
    /// Events below this confidence are dropped (0 keeps all).
    public var minConfidence: Double = 0.2

    public init() {}
}
