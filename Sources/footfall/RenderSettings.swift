import ArgumentParser
import FootfallCore
import Sound

/// Flags that override the config file and environment (highest layer of the configuration).
struct RenderSettings: ParsableArguments {
    @Option(help: "JSON config file (default: ./footfall.json, then ~/.config/footfall/config.json).")
    var config: String?

    @Option(
        help:
            ArgumentHelp(
                "Sound backend: recorded (default; procedural without its recordings), procedural, samples, runpod,"
                    + " mock. See 'footfall backends'."))
    var backend: String?

    @Option(help: ArgumentHelp(LicencePolicy.help, valueName: "cc0|attribution|any"))
    var licence: String?

    @Option(help: "Seed for the sound variations (same steps + same seed → identical audio).")
    var seed: UInt64?

    @Option(help: "Surface for the whole clip instead of detecting it (e.g. gravel, wood, grass).")
    var surface: String?

    @Option(help: "Shoe: sneaker, leather, boots, heels, barefoot.")
    var shoe: String?

    @Option(help: "Integrated loudness target in LUFS: -23 broadcast (default), -16 web, -14 streaming.")
    var loudness: Double?

    @Option(name: .customLong("keep-original-audio"), help: "What to do with the video's own audio: drop, track, mix.")
    var keepOriginalAudio: String?

    @Flag(help: "No room reverb.")
    var dry = false

    @Option(help: "Stereo width of the pan, 0 (mono) ... 1.")
    var width: Double?

    @Flag(
        name: .customLong("picture-only"),
        help: "Time the steps from the picture alone, not on footstep sounds heard in the video's own audio.")
    var pictureOnly = false

    @Option(help: "Threads for pose inference.")
    var threads: Int?

    @Option(
        name: .customLong("samples-dir"), help: "Folder of recordings for the samples backend (DIR/<surface>/*.wav).")
    var samplesDir: String?

    @Flag(
        name: .customLong("no-fallback"),
        help:
            ArgumentHelp(
                "Fail instead of falling back to procedural when a remote backend fails or the recordings are not"
                    + " installed."))
    var noFallback = false

    func resolvedConfig() throws -> FootfallConfig {
        var c = try FootfallConfig.load(file: config, environment: DotEnv.environment())
        if let backend { c.backend = backend }
        if let seed { c.seed = seed }
        if let surface { c.surface = surface }
        if let shoe { c.shoe = shoe }
        if let loudness { c.loudness = loudness }
        if let keepOriginalAudio { c.keepOriginalAudio = keepOriginalAudio }
        if dry { c.dry = true }
        if let width { c.width = width }
        if let threads { c.threads = threads }
        if pictureOnly { c.pictureOnly = true }
        if let samplesDir { c.samplesDir = samplesDir }
        if let licence { c.backendOptions[LicencePolicy.optionKey] = try LicencePolicy.parse(licence).rawValue }
        try Self.check(c)
        return c
    }

    static func check(_ c: FootfallConfig) throws {
        if let s = c.surface { _ = try SurfaceKind.parse(s) }
        _ = try ShoeKind.parse(c.shoe)
        _ = try SurfaceKind.parse(c.defaultSurface)
        guard ["drop", "track", "mix"].contains(c.keepOriginalAudio) else {
            throw FootfallError.usage(
                "--keep-original-audio must be drop, track or mix, not '\(c.keepOriginalAudio)'"
                    + DidYouMean.hint(c.keepOriginalAudio, from: ["drop", "track", "mix"]))
        }
        guard c.loudness < 0, c.loudness > -70 else {
            throw FootfallError.usage("--loudness \(c.loudness) is not a usable LUFS target: try -23, -16 or -14")
        }
        guard (0...1).contains(c.width) else { throw FootfallError.usage("--width must be between 0 and 1") }
        guard c.threads >= 1, c.threads <= 64 else { throw FootfallError.usage("--threads must be 1…64") }
        _ = try LicencePolicy(options: c.backendOptions)
    }
}
