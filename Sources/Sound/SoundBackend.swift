import FootfallCore

/// What one footstep sound should be.
public struct SoundRequest: Sendable, Hashable, Codable {
    public var surface: SurfaceKind
    public var shoe: ShoeKind
    public var foot: Foot
    /// 0...1; 0.5 is a normal walk, 1 a run.
    public var intensity: Double
    /// Time to the same walker's next step in seconds, when known (scales heel-to-toe timing).
    public var stepInterval: Double?
    public var seed: UInt64
    public var sampleRate: Int
    /// Whose step it is, when known: a backend that rotates a few recordings keeps a rotation per walker, so a
    /// walker never plays the same file twice in a row.
    public var walker: Int?

    public init(
        surface: SurfaceKind, shoe: ShoeKind = .sneaker, foot: Foot, intensity: Double = 0.5,
        stepInterval: Double? = nil, seed: UInt64, sampleRate: Int = AudioBuffer.standardRate, walker: Int? = nil
    ) {
        self.surface = surface
        self.shoe = shoe
        self.foot = foot
        self.intensity = intensity
        self.stepInterval = stepInterval
        self.seed = seed
        self.sampleRate = sampleRate
        self.walker = walker
    }
}

/// One footstep sound and where its transient peak is, so the mixer can put that peak on the step time.
public struct FootstepSound: Sendable, Equatable {
    /// Mono or stereo at the request's sample rate.
    public var audio: AudioBuffer
    /// Sample index of the transient peak (heel impact) in `audio`.
    public var transientIndex: Int

    public init(audio: AudioBuffer, transientIndex: Int) {
        self.audio = audio
        self.transientIndex = transientIndex
    }
}

public enum BackendAvailability: Sendable, Equatable {
    case ready
    case unavailable(String)
}

/// A source of footstep sounds. Each backend lives in one file and is registered in `SoundBackendRegistry`.
public protocol SoundBackend: Sendable {
    /// The name users pass to `--backend`.
    var name: String { get }
    /// One line for `footfall backends`.
    var summary: String { get }
    /// Whether it can run now (e.g. runpod without RUNPOD_API_KEY cannot), with the reason.
    func availability() -> BackendAvailability
    /// Sounds for the requests, in request order. A render asks in batches of `preferredBatchSize` requests, in
    /// time order, so a long video's sounds never sit in memory all at once.
    func sounds(for requests: [SoundRequest]) async throws -> [FootstepSound]
    /// The same sounds, with what the user should know about how they were made (e.g. that a remote backend failed
    /// and another one stood in). The default has no warnings.
    func soundBatch(for requests: [SoundRequest]) async throws -> SoundBatch
    /// How many requests a render sends per call: small for local synthesis, everything at once for remote
    /// backends that batch and cache by request.
    var preferredBatchSize: Int { get }
    /// What it has to play, for `footfall backends` (e.g. the recordings installed per surface); nil: nothing to
    /// list.
    var inventory: String? { get }
}

extension SoundBackend {
    public var preferredBatchSize: Int { 256 }
    public var inventory: String? { nil }
}
