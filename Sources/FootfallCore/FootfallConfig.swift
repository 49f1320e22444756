import Foundation

/// Settings for a render, resolved from four layers: defaults < config file < environment < command-line flags.
///
/// The config file is JSON (`footfall.json` in the working directory, `~/.config/footfall/config.json`, or
/// `--config FILE`); its keys are the snake_case names of the fields below. Secrets (the RunPod API key) are never
/// read from it: they come from the environment or a `.env` file.
public struct FootfallConfig: Codable, Sendable, Equatable {
    /// The recorded backend (real recordings setup installs); a render falls back to procedural without them.
    public var backend: String = "recorded"
    public var seed: UInt64 = 1
    public var shoe: String = "sneaker"
    /// Force one surface for the whole clip (nil: detect).
    public var surface: String? = nil
    /// Used when detection is unsure.
    public var defaultSurface: String = "concrete"
    /// Integrated loudness target in LUFS.
    public var loudness: Double = -23
    /// True-peak ceiling in dBTP.
    public var truePeak: Double = -1
    /// drop | track | mix
    public var keepOriginalAudio: String = "drop"
    public var output: String = "out"
    /// Stereo width 0...1 of the pan.
    public var width: Double = 0.8
    public var dry: Bool = false
    public var threads: Int = 2
    /// Time the steps from the picture alone, not on footstep sounds heard in the video's own audio.
    public var pictureOnly: Bool = false
    /// Folder of recordings for the `samples` backend (`DIR/<surface>/*.wav`).
    public var samplesDir: String? = nil
    /// Extra settings per backend (e.g. runpod prompt templates), as strings.
    public var backendOptions: [String: String] = [:]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case backend, seed, shoe, surface, loudness, output, width, dry, threads
        case defaultSurface = "default_surface"
        case truePeak = "true_peak"
        case keepOriginalAudio = "keep_original_audio"
        case samplesDir = "samples_dir"
        case backendOptions = "backend_options"
        case pictureOnly = "picture_only"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FootfallConfig()
        backend = try c.decodeIfPresent(String.self, forKey: .backend) ?? d.backend
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        shoe = try c.decodeIfPresent(String.self, forKey: .shoe) ?? d.shoe
        surface = try c.decodeIfPresent(String.self, forKey: .surface)
        defaultSurface = try c.decodeIfPresent(String.self, forKey: .defaultSurface) ?? d.defaultSurface
        loudness = try c.decodeIfPresent(Double.self, forKey: .loudness) ?? d.loudness
        truePeak = try c.decodeIfPresent(Double.self, forKey: .truePeak) ?? d.truePeak
        keepOriginalAudio = try c.decodeIfPresent(String.self, forKey: .keepOriginalAudio) ?? d.keepOriginalAudio
        output = try c.decodeIfPresent(String.self, forKey: .output) ?? d.output
        width = try c.decodeIfPresent(Double.self, forKey: .width) ?? d.width
        dry = try c.decodeIfPresent(Bool.self, forKey: .dry) ?? d.dry
        threads = try c.decodeIfPresent(Int.self, forKey: .threads) ?? d.threads
        pictureOnly = try c.decodeIfPresent(Bool.self, forKey: .pictureOnly) ?? d.pictureOnly
        samplesDir = try c.decodeIfPresent(String.self, forKey: .samplesDir)
        backendOptions = try c.decodeIfPresent([String: String].self, forKey: .backendOptions) ?? [:]
    }
}

extension FootfallConfig {
    /// Environment variables that override the config file.
    nonisolated(unsafe) public static let environmentKeys: [String: WritableKeyPath<FootfallConfig, String>] = [
        "FOOTFALL_BACKEND": \.backend, "FOOTFALL_SHOE": \.shoe, "FOOTFALL_OUTPUT": \.output,
        "FOOTFALL_DEFAULT_SURFACE": \.defaultSurface, "FOOTFALL_KEEP_ORIGINAL_AUDIO": \.keepOriginalAudio,
    ]

    /// Defaults, then the config file (explicit path, or the first of the usual places that exists), then environment.
    public static func load(
        file explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws -> FootfallConfig {
        var config = FootfallConfig()
        if let path = explicit ?? defaultFile(environment: environment, workingDirectory: workingDirectory) {
            config = try read(path: path, mustExist: explicit != nil)
        }
        try config.apply(environment: environment)
        return config
    }

    static func defaultFile(environment: [String: String], workingDirectory: String) -> String? {
        var candidates = [workingDirectory + "/footfall.json"]
        if let home = environment["HOME"] { candidates.append(home + "/.config/footfall/config.json") }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    static func read(path: String, mustExist: Bool) throws -> FootfallConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            if mustExist { throw FootfallError.badInput("config file \(path) not found or unreadable") }
            return FootfallConfig()
        }
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object.keys.contains(where: { $0.lowercased().contains("key") && $0 != "keep_original_audio" })
        {
            throw FootfallError.badInput(
                "config file \(path) contains an API key: secrets belong in the environment or a .env file, not in config"
            )
        }
        do {
            return try JSONDecoder().decode(FootfallConfig.self, from: data)
        } catch let error as DecodingError {
            throw FootfallError.badInput("config file \(path): \(error.readable)")
        } catch {
            throw FootfallError.badInput("config file \(path) is not valid JSON: \(error.localizedDescription)")
        }
    }

    mutating func apply(environment: [String: String]) throws {
        for (key, path) in Self.environmentKeys {
            if let v = environment[key], !v.isEmpty { self[keyPath: path] = v }
        }
        if let v = environment["FOOTFALL_SEED"], !v.isEmpty {
            guard let s = UInt64(v) else {
                throw FootfallError.badInput("FOOTFALL_SEED='\(v.singleLine())' is not a whole number ≥ 0")
            }
            seed = s
        }
        if let v = environment["FOOTFALL_LOUDNESS"], !v.isEmpty {
            guard let l = Double(v), (-70..<0).contains(l) else {
                throw FootfallError.badInput(
                    "FOOTFALL_LOUDNESS='\(v.singleLine())' must be a negative LUFS value such as -23")
            }
            loudness = l
        }
        if let v = environment["FOOTFALL_SURFACE"], !v.isEmpty { surface = v }
        if let v = environment["FOOTFALL_SAMPLES_DIR"], !v.isEmpty { samplesDir = v }
    }
}
