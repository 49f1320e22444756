import FootfallCore
import Foundation
import Logging
import MediaIO

/// Footsteps from the user's recordings: `DIR/<surface>/*.wav|flac`, decoded with FFmpeg at 48 kHz.
///
/// Recordings of a surface are played round-robin (seeded shuffle, no immediate repeat), each a little detuned
/// (±50 cents, by decoding at a slightly different rate with FFmpeg's resampler) and with ±2 dB gain. A surface with
/// no recordings borrows the most similar one present, with a warning.
public struct SamplesBackend: SoundBackend {
    public static let factory = SoundBackendFactory(
        name: "samples", summary: "your recordings: DIR/<surface>/*.wav|flac (--samples-dir DIR)"
    ) { config in SamplesBackend(directory: config.samplesDirectory, seed: config.seed, logger: config.logger) }

    /// Pitch variation is drawn in steps of this many cents, so decoded variants can be reused.
    static let centsStep = 5.0
    static let maximumCents = 50.0

    public let name = "samples"
    public let summary = SamplesBackend.factory.summary
    let library: Result<SampleLibrary, FootfallError>
    let seed: UInt64
    let logger: Logger

    public init(directory: String?, seed: UInt64 = 0, logger: Logger = Logger(label: "footfall.sound")) {
        if let directory {
            do {
                library = .success(try SampleLibrary(directory: directory))
            } catch let error as FootfallError {
                library = .failure(error)
            } catch {
                library = .failure(.failure("cannot read samples folder '\(directory)': \(error)"))
            }
        } else {
            library = .failure(
                .usage("no samples folder: pass --samples-dir DIR (recordings in DIR/<surface>/*.wav or *.flac)"))
        }
        self.seed = seed
        self.logger = logger
    }

    public func availability() -> BackendAvailability {
        switch library {
        case .success: return .ready
        case .failure(let error): return .unavailable(error.description)
        }
    }

    public func sounds(for requests: [SoundRequest]) async throws -> [FootstepSound] {
        let library = try library.get()
        for folder in library.ignoredFolders {
            logger.warning("samples: ignoring folder '\(folder)' in \(library.directory): not a surface name")
        }
        var rotations: [SurfaceKind: SampleRotation] = [:]
        var warned: Set<SurfaceKind> = []
        var decoded: [String: AudioBuffer] = [:]
        let baseSeed = seed ^ (requests.first?.seed ?? 0)
        var results: [FootstepSound] = []
        results.reserveCapacity(requests.count)
        for request in requests {
            try Task.checkCancellation()
            let surface = library.resolve(request.surface)
            if surface != request.surface, warned.insert(request.surface).inserted {
                let missing = request.surface.rawValue
                logger.warning(
                    "samples: no recordings for '\(missing)' in \(library.directory); using '\(surface.rawValue)' instead (add \(library.directory)/\(missing)/*.wav)"
                )
            }
            let paths = library.files[surface] ?? []
            let stream = UInt64(SurfaceKind.allCases.firstIndex(of: surface) ?? 0)
            var rotation = rotations[surface] ?? SampleRotation(count: paths.count, seed: baseSeed, stream: stream)
            let path = paths[rotation.next()]
            rotations[surface] = rotation

            var rng = SeededRandom(seed: request.seed, stream: 5)
            let steps = (Self.maximumCents / Self.centsStep).rounded()
            let cents = (rng.uniform(-steps...steps)).rounded() * Self.centsStep
            let gainDB = rng.uniform(-2...2)
            // Decoding at rate/ratio and playing at rate raises the pitch by ratio (FFmpeg does the resampling).
            let decodeRate = Int((Double(request.sampleRate) / pow(2, cents / 1200)).rounded())
            let key = "\(decodeRate)|\(path)"
            let audio: AudioBuffer
            if let cached = decoded[key] {
                audio = cached
            } else {
                audio = try readAudioFile(path: path, sampleRate: decodeRate)
                decoded[key] = audio
            }
            let playback = AudioBuffer(sampleRate: request.sampleRate, channels: audio.channels)
            guard let sound = SampleClip.footstep(from: playback, gainDB: gainDB, intensity: request.safeIntensity)
            else {
                throw FootfallError.badInput("recording '\(path)' is silent: remove it from the samples folder")
            }
            results.append(sound)
        }
        return results
    }
}
