import ArgumentParser
import FootfallCore
import Foundation
import Logging
import MediaIO
import Sound

struct AuditionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audition",
        abstract: "Render a short walk on one surface to hear a backend, shoe and surface.",
        discussion: """
            Steps alternate feet at the cadence; each sound's transient lands on its step time. Mono 48 kHz WAV.
              footfall audition --surface gravel --shoe boots --steps 8 -o gravel.wav
              footfall audition --surface wood --backend samples --samples-dir ~/footsteps -o wood.wav
              footfall audition --surface gravel --backend recorded --licence any -o gravel.wav
            With recordings (--backend recorded), FILE.credits.txt next to the WAV lists them with their licences.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Surface: concrete, wood, tile, gravel, grass, sand, snow, metal, wet, leaves (or an alias).")
    var surface: String

    @Option(help: "Shoe: sneaker, leather, boots, heels, barefoot.")
    var shoe: String?

    @Option(help: "Number of steps.")
    var steps: Int = 8

    @Option(help: "Steps per second (walking ~1.8, running ~3).")
    var cadence: Double = 1.8

    @Option(help: "Step intensity 0...1 (0.5 a normal walk, 1 a run).")
    var intensity: Double = 0.5

    @Option(help: "Sound backend (see 'footfall backends').")
    var backend: String?

    @Option(help: "Seed for the variations (same seed → identical audio).")
    var seed: UInt64?

    @Option(help: "JSON config file (default: ./footfall.json, then ~/.config/footfall/config.json).")
    var config: String?

    @Option(name: .customLong("samples-dir"), help: "Folder of recordings for the samples backend.")
    var samplesDir: String?

    @Option(help: ArgumentHelp(LicencePolicy.help, valueName: "cc0|attribution|any"))
    var licence: String?

    @Option(name: .shortAndLong, help: "Output WAV file.")
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() async throws {
        global.bootstrap()
        InterruptHandler.install()
        try await runReportingErrors {
            let environment = DotEnv.environment()
            var settings = try FootfallConfig.load(file: config, environment: environment)
            if let backend { settings.backend = backend }
            if let seed { settings.seed = seed }
            if let shoe { settings.shoe = shoe }
            if let samplesDir { settings.samplesDir = samplesDir }
            if let licence {
                settings.backendOptions[LicencePolicy.optionKey] = try LicencePolicy.parse(licence).rawValue
            }
            guard (0...1).contains(intensity) else { throw FootfallError.usage("--intensity must be 0...1") }
            guard force || !FileManager.default.fileExists(atPath: output) else {
                throw FootfallError.usage("'\(output)' exists: choose another -o or pass --force")
            }
            let audition = AuditionSettings(
                surface: try SurfaceKind.parse(surface), shoe: try ShoeKind.parse(settings.shoe), steps: steps,
                cadence: cadence, intensity: intensity, seed: settings.seed)
            let backendConfig = BackendConfig(settings, environment: environment)
            let (soundBackend, fallbackWarning) = try SoundBackendRegistry.resolve(
                settings.backend, config: backendConfig)
            if let fallbackWarning { Logger(label: "footfall.audition").warning("\(fallbackWarning)") }
            let creditsPath = Self.creditsPath(for: output)
            if soundBackend is any RecordingCreditsSource, !force, FileManager.default.fileExists(atPath: creditsPath) {
                throw FootfallError.usage("'\(creditsPath)' exists: choose another -o or pass --force")
            }
            let result = try await AuditionRenderer(backend: soundBackend).render(audition)
            try WAVWriter.write(result.audio, to: output)
            emit(
                "wrote \(output): \(audition.steps) steps of \(audition.shoe.rawValue) on \(audition.surface.rawValue)"
                    + " (\(soundBackend.name), seed \(audition.seed)), \(String(format: "%.2f", result.audio.duration)) s"
            )
            if let credits = (soundBackend as? any RecordingCreditsSource)?.recordingCredits(), !credits.isEmpty {
                let name = URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent
                try TemporaryFiles.shared.writeAtomically(Data(credits.text(for: name).utf8), to: creditsPath)
                emit("wrote \(creditsPath): \(credits.conditions)")
            }
        }
    }

    /// `gravel.wav` → `gravel.credits.txt`, next to it.
    static func creditsPath(for output: String) -> String {
        URL(fileURLWithPath: output).deletingPathExtension().appendingPathExtension("credits.txt").path
    }
}
