import FootfallCore
import Logging

/// What `footfall audition` renders: a short walk on one surface.
public struct AuditionSettings: Sendable, Equatable {
    public var surface: SurfaceKind
    public var shoe: ShoeKind
    public var steps: Int
    /// Steps per second (walking is ~1.4–2.2, running 2.5–3.5).
    public var cadence: Double
    public var intensity: Double
    public var seed: UInt64
    public var sampleRate: Int

    public init(
        surface: SurfaceKind, shoe: ShoeKind = .sneaker, steps: Int = 8, cadence: Double = 1.8,
        intensity: Double = 0.5, seed: UInt64 = 1, sampleRate: Int = AudioBuffer.standardRate
    ) {
        self.surface = surface
        self.shoe = shoe
        self.steps = steps
        self.cadence = cadence
        self.intensity = intensity
        self.seed = seed
        self.sampleRate = sampleRate
    }
}

/// A rendered audition: mono audio and where each step's transient landed.
public struct Audition: Sendable {
    public var audio: AudioBuffer
    /// Seconds.
    public var stepTimes: [Double]
}

/// Renders N steps alternating feet at a cadence, each sound placed so its transient falls on the step time.
public struct AuditionRenderer: Sendable {
    public static let leadIn = 0.25
    public static let tailOut = 0.3

    let backend: any SoundBackend
    let logger: Logger

    public init(backend: any SoundBackend, logger: Logger = Logger(label: "footfall.sound")) {
        self.backend = backend
        self.logger = logger
    }

    public func render(_ settings: AuditionSettings) async throws -> Audition {
        guard (1...1000).contains(settings.steps) else {
            throw FootfallError.usage("--steps must be 1…1000 (got \(settings.steps))")
        }
        guard settings.cadence > 0.2, settings.cadence <= 6 else {
            throw FootfallError.usage("--cadence must be between 0.2 and 6 steps per second (got \(settings.cadence))")
        }
        let interval = 1 / settings.cadence
        let requests = (0..<settings.steps).map { i in
            var mixer = SeededRandom(seed: settings.seed, stream: UInt64(i) + 1)
            return SoundRequest(
                surface: settings.surface, shoe: settings.shoe, foot: i % 2 == 0 ? .left : .right,
                intensity: settings.intensity, stepInterval: interval, seed: mixer.next(),
                sampleRate: settings.sampleRate, walker: 1)
        }
        let sounds = try await backend.sounds(for: requests)
        guard sounds.count == requests.count else {
            throw FootfallError.failure(
                "backend '\(backend.name)' returned \(sounds.count) sounds for \(requests.count) steps")
        }
        if let wrong = sounds.first(where: { $0.audio.sampleRate != settings.sampleRate }) {
            throw FootfallError.failure(
                "backend '\(backend.name)' returned \(wrong.audio.sampleRate) Hz audio for a \(settings.sampleRate) Hz request"
            )
        }
        let rate = Double(settings.sampleRate)
        let times = (0..<settings.steps).map { Self.leadIn + Double($0) * interval }
        let longest = sounds.map { $0.audio.frameCount - $0.transientIndex }.max() ?? 0
        let frames = Int((times.last ?? 0) * rate) + longest + Int(Self.tailOut * rate)
        var mix = [Float](repeating: 0, count: frames)
        for (time, sound) in zip(times, sounds) {
            let samples = Self.mono(sound.audio, rate: settings.sampleRate)
            let start = Int((time * rate).rounded()) - sound.transientIndex
            for (k, value) in samples.enumerated() where start + k >= 0 && start + k < frames {
                mix[start + k] += value
            }
        }
        // Overlapping tails (a ringing metal floor at a fast cadence) could add up past full scale.
        let peak = mix.reduce(0) { max($0, abs($1)) }
        if peak > 0.98 {
            logger.info("audition: overlapping steps peaked at \(peak); scaled down to stay below 0 dBFS")
            let scale = 0.98 / peak
            for i in mix.indices { mix[i] *= scale }
        }
        return Audition(audio: AudioBuffer(sampleRate: settings.sampleRate, channels: [mix]), stepTimes: times)
    }

    /// Downmix to mono (backends may return stereo).
    static func mono(_ audio: AudioBuffer, rate: Int) -> [Float] {
        guard audio.channelCount > 1 else { return audio.channels.first ?? [] }
        let scale = 1 / Float(audio.channelCount)
        return (0..<audio.frameCount).map { i in audio.channels.reduce(0) { $0 + $1[i] } * scale }
    }
}
