import FootfallCore
import Foundation
import Logging

/// Real footstep recordings installed by setup (Minetest Game's, from Debian's minetest-data package), each file
/// with its surface, author, source and licence (`manifest.json` next to them).
///
/// So that hundreds of steps never sound like a handful of files: each recording is cut into single steps at its
/// transients, each walker's steps on a surface rotate (never the same file twice in a row, a step back only after
/// half the others),
/// and each is detuned, levelled and tilted a little from the request's seed. The transient goes where every
/// backend's goes (`SampleClip`: the envelope peak after the onset), so the mixer puts it on the step time.
///
/// `--licence` (backend option `licence`) restricts which recordings may play: `cc0`, `attribution` (CC0 and
/// CC BY) or `any` (the default; also CC BY-SA). A surface with no allowed recording borrows the most similar
/// surface's, or is synthesised by the procedural backend, with a warning. The credits say what played and
/// which conditions follow.
public struct RecordedBackend: SoundBackend, RecordingCreditsSource {
    public static let factory = SoundBackendFactory(
        name: "recorded",
        summary: "real footstep recordings installed by setup (CC0 / CC BY / CC BY-SA, --licence); writes credits"
    ) { config in
        try RecordedBackend(
            directory: RecordingLibrary.defaultDirectory(options: config.options, environment: config.environment),
            policy: LicencePolicy(options: config.options), seed: config.seed, logger: config.logger)
    }

    public let name = "recorded"
    public let summary = RecordedBackend.factory.summary
    public let policy: LicencePolicy
    let library: Result<RecordingLibrary, FootfallError>
    let seed: UInt64
    let logger: Logger
    let slicer = StepSlicer()
    let state = RecordedState()

    public init(
        directory: String?, policy: LicencePolicy = .default, seed: UInt64 = 0,
        logger: Logger = Logger(label: "footfall.sound")
    ) {
        if let directory {
            do {
                library = .success(try RecordingLibrary(directory: directory))
            } catch let error as FootfallError {
                library = .failure(error)
            } catch {
                library = .failure(.failure("cannot read the recordings in '\(directory)': \(error)"))
            }
        } else {
            library = .failure(
                .badInput(
                    "cannot find Footfall's runtime files, so no footstep recordings: run 'make setup' in the"
                        + " repository, or set \(RecordingLibrary.environmentKey)"))
        }
        self.policy = policy
        self.seed = seed
        self.logger = logger
    }

    public func availability() -> BackendAvailability {
        switch library {
        case .failure(let error): return .unavailable(error.description)
        case .success(let library):
            guard !library.allowed(by: policy).isEmpty else {
                return .unavailable(
                    "no installed recording is allowed by --licence \(policy.rawValue) (installed: \(library.contents));"
                        + " choose a wider --licence")
            }
            return .ready
        }
    }

    public func sounds(for requests: [SoundRequest]) async throws -> [FootstepSound] {
        let batch = try await soundBatch(for: requests)
        for warning in batch.warnings { logger.warning("\(warning)") }
        return batch.sounds
    }

    public func soundBatch(for requests: [SoundRequest]) async throws -> SoundBatch {
        let library = try library.get()
        let allowed = library.allowed(by: policy)
        return try state.locked { state in
            var warnings: [String] = []
            var sounds: [FootstepSound] = []
            sounds.reserveCapacity(requests.count)
            for request in requests {
                try Task.checkCancellation()
                guard (8_000...192_000).contains(request.sampleRate) else {
                    throw FootfallError.usage("sample rate \(request.sampleRate) Hz is not supported (use 8000–192000)")
                }
                let choice = SurfaceChoice(for: request.surface, allowed: allowed, library: library, policy: policy)
                if let warning = choice.warning, state.shouldWarn(about: request.surface) { warnings.append(warning) }
                guard let surface = choice.surface else {
                    state.recordSynthesized()
                    sounds.append(try ProceduralBackend().sound(for: request))
                    continue
                }
                let slices = try state.slices(
                    of: allowed[surface] ?? [], sampleRate: request.sampleRate, slicer: slicer)
                guard !slices.isEmpty else {
                    throw FootfallError.failure(
                        "the \(surface.rawValue) recordings in \(library.directory) are silent: run 'make setup' again")
                }
                let slice = slices[
                    state.nextSlice(of: slices, surface: surface, walker: request.walker, seed: seed)]
                guard let sound = Self.footstep(from: slice, request: request) else {
                    throw FootfallError.failure(
                        "a step cut from \(slice.recording.path) is silent: run 'make setup' again to reinstall it")
                }
                state.recordPlay(of: slice.recording)
                sounds.append(sound)
            }
            return SoundBatch(sounds: sounds, warnings: warnings)
        }
    }

    public func recordingCredits() -> RecordingCredits { state.credits(policy: policy) }

    /// What is installed per surface ("concrete 3 (CC BY 3.0), …"), for listings; nil when nothing is.
    public var installed: String? { try? library.get().contents }

    /// The installed recordings per surface with their licences, and where they are.
    public var inventory: String? {
        guard let library = try? library.get() else { return nil }
        return "\(library.recordings.count) recordings in \(library.directory): \(library.contents)"
    }

    /// Fade-in at the start of a cut: game recordings are trimmed tight and start mid-sound, and a cut before a
    /// step's onset lands in sound too; without it each step would start with a click.
    static let fadeInSeconds = 0.001

    /// One step from a slice: its toe re-timed to the step interval, detuned, tilted, then trimmed, levelled and its transient found as the samples
    /// backend does it; then faded in.
    static func footstep(from slice: RecordedSlice, request: SoundRequest) -> FootstepSound? {
        let variation = RecordedVariation(request: request)
        let paced = HeelToeRetiming.apply(
            slice.samples, factor: HeelToeRetiming.factor(stepInterval: request.safeStepInterval),
            sampleRate: request.sampleRate)
        let pitched = SliceResampler.resample(paced, ratio: variation.pitchRatio)
        let tilted = TiltFilter.apply(pitched, tiltDB: variation.tiltDB, sampleRate: request.sampleRate)
        let audio = AudioBuffer(sampleRate: request.sampleRate, channels: [tilted])
        guard var sound = SampleClip.footstep(from: audio, gainDB: variation.gainDB, intensity: request.safeIntensity)
        else { return nil }
        // Some files start at their loudest, so the fade may reach the transient: find it again afterwards.
        let fade = min(sound.audio.frameCount, Int(fadeInSeconds * Double(request.sampleRate)))
        for i in 0..<fade {
            sound.audio.channels[0][i] *= Float(0.5 - 0.5 * cos(Double.pi * Double(i) / Double(fade)))
        }
        sound.transientIndex = TransientFinder.transientIndex(in: sound.audio)
        return sound
    }
}
