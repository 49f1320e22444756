/// One virtual shot of a clip: where the camera is, how big the walker looks, the frame rate, and the pose noise.
public struct SimulationCondition: Sendable, Equatable {
    /// Camera around the walker, degrees, measured from the walker's heading (`MocapClip.heading`) toward their left:
    /// 0 = walking straight toward the camera, 90 = camera on the walker's left (they cross the picture from
    /// right to left), 180 = walking away, 270 = camera on their right.
    public var azimuth: Double = 90
    /// Line of sight to the pelvis below the horizontal, degrees (0 = camera at hip height; 45 = high, looking down).
    public var elevation: Double = 10
    /// Head-to-heel height of the walker in the picture at mid-clip, pixels.
    public var walkerHeight: Double = 200
    public var frameRate: Double = 30
    /// Each frame interval is (1 ± up to this fraction) of the nominal one: variable-frame-rate timestamps (real
    /// times; the mocap is sampled at them).
    public var frameTimeJitter: Double = 0
    /// nil: derived from the walker height (1280×720, or 1920×1080 above 500 px).
    public var pictureWidth: Int?
    public var pictureHeight: Int?
    /// Horizontal field of view the distance is planned with, degrees (a phone's main camera is ~60–70°).
    public var fieldOfView: Double = 60
    /// The camera stays at least this far (horizontally) from every point of the pelvis path, metres.
    public var minimumDistance: Double = 3
    public var pan: Pan = .fixed
    /// With `pan`: fill `PoseFrame.camera` with the true background offset (else nil, as if not measured).
    public var reportsCameraMotion: Bool = true
    public var noise: PoseNoiseOptions = .realistic
    public var seed: UInt64 = 1

    public enum Pan: Sendable, Equatable {
        /// A still camera aimed at the mid-clip pelvis.
        case fixed
        /// The camera turns (yaw) to follow the pelvis with a first-order lag of this many seconds.
        case follow(lag: Double)
        /// The camera travels with the walker (a tracking shot, a gimbal walking behind, a game's third-person
        /// camera): it keeps its offset from the pelvis through a first-order lag of this many seconds, without
        /// turning, so the walker keeps their place and size in the picture while the ground streams past.
        case track(lag: Double)
    }

    public init() {}

    public init(azimuth: Double, elevation: Double = 10, walkerHeight: Double = 200, frameRate: Double = 30) {
        self.azimuth = azimuth
        self.elevation = elevation
        self.walkerHeight = walkerHeight
        self.frameRate = frameRate
    }

    /// Short label for logs and file names.
    public var label: String {
        var s = "az\(Int(azimuth))-el\(Int(elevation))-h\(Int(walkerHeight))-\(Int(frameRate))fps"
        if frameTimeJitter > 0 { s += "-vfr" }
        if case .follow = pan { s += reportsCameraMotion ? "-pan" : "-pan-nocam" }
        if case .track = pan { s += reportsCameraMotion ? "-track" : "-track-nocam" }
        return s
    }
}
