import FootfallCore

/// A light room around the footsteps, chosen from the scene: indoors a short small-room tail (Freeverb-style
/// combs and all-passes) with early reflections; outdoors only a few faint early reflections (ground and nearby
/// walls). The direct sound passes unchanged, so step timing is untouched.
public struct RoomReverb: Sendable, Equatable {
    /// One early reflection: delay in seconds and gain, per channel.
    public struct Reflection: Sendable, Equatable {
        public var delay: Double
        public var gain: Float
        public init(delay: Double, gain: Float) {
            self.delay = delay
            self.gain = gain
        }
    }

    public var name: String
    public var leftReflections: [Reflection]
    public var rightReflections: [Reflection]
    /// Freeverb room size 0...1 (comb feedback 0.7...0.98); nil: no tail.
    public var roomSize: Float?
    /// High-frequency damping of the tail 0...1.
    public var damping: Float
    /// Level of the tail.
    public var tailGain: Float

    public init(
        name: String, leftReflections: [Reflection], rightReflections: [Reflection], roomSize: Float?, damping: Float,
        tailGain: Float
    ) {
        self.name = name
        self.leftReflections = leftReflections
        self.rightReflections = rightReflections
        self.roomSize = roomSize
        self.damping = damping
        self.tailGain = tailGain
    }

    /// Small room: reflections within ~20 ms and a tail of a few hundred ms.
    public static let smallRoom = RoomReverb(
        name: "indoor small room",
        leftReflections: [
            .init(delay: 0.0043, gain: 0.30), .init(delay: 0.0097, gain: 0.21), .init(delay: 0.0171, gain: 0.14),
        ],
        rightReflections: [
            .init(delay: 0.0051, gain: 0.28), .init(delay: 0.0113, gain: 0.19), .init(delay: 0.0189, gain: 0.13),
        ],
        roomSize: 0.35, damping: 0.55, tailGain: 0.9)

    /// Open air: the ground bounce and a far wall, faint; no tail.
    public static let openAir = RoomReverb(
        name: "outdoor early reflections",
        leftReflections: [.init(delay: 0.0031, gain: 0.16), .init(delay: 0.0237, gain: 0.06)],
        rightReflections: [.init(delay: 0.0036, gain: 0.15), .init(delay: 0.0291, gain: 0.05)],
        roomSize: nil, damping: 0.5, tailGain: 0)

    public static func forScene(_ scene: SceneKind) -> RoomReverb {
        switch scene {
        case .indoor: return .smallRoom
        case .outdoor, .unknown: return .openAir
        }
    }

    /// Dry plus room. Output has the input's length (the tail past the end is cut, like the video).
    public func process(_ audio: AudioBuffer) -> AudioBuffer {
        guard audio.channelCount == 2, audio.frameCount > 0 else { return audio }
        var processor = processor(sampleRate: audio.sampleRate)
        return AudioBuffer(sampleRate: audio.sampleRate, channels: processor.process(audio.channels))
    }

    /// A stateful processor for a track fed a block at a time.
    func processor(sampleRate: Int) -> RoomProcessor { RoomProcessor(room: self, sampleRate: sampleRate) }
}
