import AsyncHTTPClient
import FootfallCore
import Foundation
import Logging

/// Footsteps from Stable Audio (LoRA-tuned for footsteps) on a RunPod serverless endpoint.
///
/// A render's requests are grouped by (surface, shoe, sample rate); each group costs one generated clip holding
/// enough separate steps, which is checked (`ClipQualityCheck`), cut into single steps (`QuietZoneChopper`) and dealt
/// out round-robin with small variations. Clips are cached on disk by request hash, so a re-render is free. On any
/// failure the group falls back to `fallback` (the procedural backend) with a warning, unless `config.noFallback`.
/// Settings: see `RunPodConfig` and `RunPodPrompts`.
public struct RunPodBackend: SoundBackend {
    /// Turns the bytes of an audio file (WAV, MP3, FLAC…) into audio at a sample rate.
    public typealias ClipDecoder = @Sendable (_ bytes: Data, _ sampleRate: Int) throws -> AudioBuffer

    public let name = "runpod"
    public let summary = RunPodBackend.factory.summary

    public let config: RunPodConfig
    let fallback: (any SoundBackend)?
    let logger: Logger
    let http: HTTPClient
    let decode: ClipDecoder
    public var quality = ClipQualityCheck()
    public var chopper = QuietZoneChopper()

    public init(
        config: RunPodConfig = .load(), fallback: (any SoundBackend)?,
        logger: Logger = Logger(label: "footfall.sound"), http: HTTPClient = RunPodBackend.defaultHTTPClient,
        decoder: @escaping ClipDecoder = RunPodBackend.decodeWithFFmpeg
    ) {
        self.config = config
        self.fallback = fallback
        self.logger = logger
        self.http = http
        self.decode = decoder
    }

    public func availability() -> BackendAvailability {
        config.missingReason.map { .unavailable($0) } ?? .ready
    }

    public func sounds(for requests: [SoundRequest]) async throws -> [FootstepSound] {
        try await soundBatch(for: requests).sounds
    }

    /// The sounds, with one warning per reason RunPod failed (when the fallback stood in for some steps).
    public func soundBatch(for requests: [SoundRequest]) async throws -> SoundBatch {
        let groups = RequestGroup.make(requests)
        let outage = RunPodOutage()
        var results = [FootstepSound?](repeating: nil, count: requests.count)
        var fallbacks: [GroupOutcome.Fallback] = []
        try await withThrowingTaskGroup(of: (RequestGroup, GroupOutcome).self) { tasks in
            var next = 0
            func launch() {
                guard next < groups.count else { return }
                let group = groups[next]
                next += 1
                tasks.addTask { (group, try await self.sounds(for: group, in: requests, outage: outage)) }
            }
            for _ in 0..<max(1, config.maxConcurrentJobs) { launch() }
            while let (group, outcome) = try await tasks.next() {
                for (index, sound) in zip(group.indices, outcome.sounds) { results[index] = sound }
                if let fallback = outcome.fallback { fallbacks.append(fallback) }
                launch()
            }
        }
        let done = results.compactMap { $0 }
        guard done.count == requests.count else {
            throw FootfallError.failure("the runpod backend returned \(done.count) sounds for \(requests.count) steps")
        }
        return SoundBatch(sounds: done, warnings: GroupOutcome.warnings(for: fallbacks, total: requests.count))
    }

    /// One group's sounds, from the generated clip or, if anything goes wrong, from the fallback backend.
    func sounds(for group: RequestGroup, in requests: [SoundRequest], outage: RunPodOutage) async throws
        -> GroupOutcome
    {
        let members = group.indices.map { requests[$0] }
        let message: String
        if let known = outage.reason {
            // Another group already found RunPod down or refusing: don't wait for it again.
            message = known
        } else {
            do {
                let steps = try await generatedSteps(for: group)
                return GroupOutcome(sounds: deal(steps, to: members, seed: group.seed))
            } catch let error as CancellationError {
                throw error
            } catch {
                message = describe(error)
                if let e = error as? RunPodError, e.affectsEveryJob { outage.record(message) }
            }
        }
        guard let fallback, !config.noFallback else {
            let hint = config.noFallback ? " (without --no-fallback, procedural sounds are used instead)" : ""
            throw FootfallError.failure("runpod backend: \(message)\(hint)")
        }
        let steps = "\(members.count) \(group.surface.rawValue)/\(group.shoe.rawValue) steps"
        logger.warning("runpod backend: \(message); using the \(fallback.name) backend for the \(steps) instead")
        let sounds = try await fallback.sounds(for: members)
        return GroupOutcome(
            sounds: sounds, fallback: .init(reason: message, steps: members.count, backend: fallback.name))
    }

    /// The single steps cut from the group's clip: from the cache, or generated, checked, then cached.
    func generatedSteps(for group: RequestGroup) async throws -> [FootstepSound] {
        guard let endpointID = config.endpointID, config.missingReason == nil else {
            throw RunPodError.notConfigured(config.missingReason ?? "missing RUNPOD_ENDPOINT_ID")
        }
        let input = jobInput(for: group)
        let key = SoundCache.key([Data(endpointID.utf8), input.canonicalJSON()])
        let cache = config.cacheDirectory.map { SoundCache(directory: $0, logger: logger) }
        if let cached = cache?.load(key) {
            do {
                let steps = try steps(fromClip: cached, sampleRate: group.sampleRate)
                logger.info("runpod: \(group.label) from the cache (\(steps.count) steps)")
                return steps
            } catch {
                logger.warning("runpod: ignoring the unusable cached clip \(key): \(describe(error))")
            }
        }
        let client = try RunPodClient(config: config, http: http, logger: logger)
        logger.info("runpod: generating \(group.label): \(Int(input.secondsTotal)) s, seed \(input.seed)")
        let bytes = try await client.generate(input)
        let steps = try steps(fromClip: bytes, sampleRate: group.sampleRate)
        cache?.store(
            bytes, key: key,
            note: ["prompt": input.prompt, "seed": String(input.seed), "endpoint": endpointID])
        logger.info("runpod: \(group.label): \(steps.count) steps cut from the generated clip")
        return steps
    }

    /// Decoded, checked and cut into steps; throws `RunPodError` when the clip is unusable.
    func steps(fromClip bytes: Data, sampleRate: Int) throws -> [FootstepSound] {
        let audio: AudioBuffer
        do {
            audio = try decode(bytes, sampleRate)
        } catch {
            throw RunPodError.undecodableAudio(String(describing: error))
        }
        let mono = audio.downmixed()
        // A float file can hold NaN or infinity; one such sample would turn the whole mix into noise or silence.
        guard mono.allSatisfy(\.isFinite) else {
            throw RunPodError.rejectedClip("it holds samples that are not numbers (NaN or infinity)")
        }
        if let problem = quality.problem(in: mono, sampleRate: audio.sampleRate) {
            throw RunPodError.rejectedClip(problem)
        }
        let slices = chopper.slices(of: mono, sampleRate: audio.sampleRate)
        guard !slices.isEmpty else { throw RunPodError.rejectedClip("no separate steps found in it") }
        return slices.map(\.sound)
    }

    /// The message for `error` on one line, never holding the API key.
    func describe(_ error: any Error) -> String {
        let text = (error as? RunPodError)?.description ?? String(describing: error)
        return RunPodError.excerpt(config.apiKey?.redact(text) ?? text, limit: 400)
    }
}
