import FootfallCore
import Foundation

/// Settings for the `runpod` backend, read from the environment or a `.env` file in the working directory.
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `RUNPOD_API_KEY` | API key (required; never printed) | — |
/// | `RUNPOD_ENDPOINT_ID` | serverless endpoint running Stable Audio (required) | — |
/// | `RUNPOD_BASE_URL` | API root | `https://api.runpod.ai/v2` |
/// | `RUNPOD_STEPS`, `RUNPOD_CFG_SCALE` | diffusion steps, guidance | 100, 7 |
/// | `RUNPOD_AUDIO_PATH` | JSON path(s) to the audio in the job result, comma-separated | common ones |
/// | `RUNPOD_TIMEOUT` | seconds for a whole job, queueing included | 300 |
/// | `RUNPOD_POLL_INTERVAL` | seconds between status polls | 1.5 |
/// | `RUNPOD_RUNSYNC_MAX_SECONDS` | clips up to this long use `/runsync`; 0 always uses `/run` | 10 |
/// | `RUNPOD_MAX_ATTEMPTS` | tries per HTTP call on 429/5xx/network errors | 5 |
/// | `RUNPOD_CONNECT_BUDGET` | seconds spent retrying a server that cannot be connected to at all | 5 |
/// | `RUNPOD_MAX_CONCURRENT_JOBS` | jobs in flight at once (one per surface/shoe group) | 3 |
/// | `FOOTFALL_CACHE_DIR` | cache root (clips go in `<root>/runpod`) | `~/.cache/footfall` |
/// Prompt variables are described in `RunPodPrompts`.
public struct RunPodConfig: Sendable, CustomStringConvertible {
    public static let defaultBaseURL = "https://api.runpod.ai/v2"

    public var apiKey: Secret?
    public var endpointID: String?
    public var baseURL: String = RunPodConfig.defaultBaseURL
    public var prompts = RunPodPrompts()
    public var steps = 100
    public var cfgScale = 7.0
    /// Where the audio is in a job's result; tried in order.
    public var audioPaths: [String] = RunPodOutputLocator.defaultPaths
    public var timeout = 300.0
    public var requestTimeout = 100.0
    public var pollInterval = 1.5
    public var runSyncMaxSeconds = 10.0
    public var maxAttempts = 5
    /// First retry delay; doubles per attempt up to `backoffMax`, with jitter (or the server's `Retry-After`).
    public var backoffBase = 0.5
    public var backoffMax = 20.0
    /// Seconds from the first failed connection after which a server that cannot be connected to (refused, DNS,
    /// timeout) is given up on; a server that answers, however slowly, gets the whole `timeout`.
    public var connectBudget = 5.0
    /// Jobs in flight at once (one per surface/shoe group).
    public var maxConcurrentJobs = 3
    /// Seconds of generated audio per distinct step wanted, and how many distinct steps a group needs at most.
    public var secondsPerStep = 0.8
    public var maxDistinctSteps = 12
    /// Stable Audio Open's limit.
    public var maxClipSeconds = 47.0
    /// Where generated clips are kept; nil disables the cache.
    public var cacheDirectory: URL?
    /// When true a failure is an error instead of a fallback to the procedural backend.
    public var noFallback = false
    /// Settings that could not be read, e.g. "RUNPOD_STEPS must be a whole number (got 'x')".
    public var problems: [String] = []

    public init(apiKey: String? = nil, endpointID: String? = nil, baseURL: String = RunPodConfig.defaultBaseURL) {
        self.apiKey = apiKey.map(Secret.init)
        self.endpointID = endpointID
        self.baseURL = baseURL
        cacheDirectory = Self.defaultCacheDirectory(settings: [:])
    }

    /// Settings from `settings` (default: the process environment over `.env` in the working directory) over
    /// `options`, the config file's `backend_options` (keys with or without the `RUNPOD_` prefix, any case, e.g.
    /// `"prompt_template"`). The API key is only taken from `settings`: secrets stay out of config files.
    public static func load(
        settings environment: [String: String] = DotEnv.environment(), options: [String: String] = [:]
    ) -> RunPodConfig {
        var fromOptions: [String: String] = [:]
        for (key, value) in options {
            let name = key.uppercased()
            let full = name.hasPrefix("RUNPOD_") || name.hasPrefix("FOOTFALL_") ? name : "RUNPOD_" + name
            if full != "RUNPOD_API_KEY" { fromOptions[full] = value }
        }
        let settings = fromOptions.merging(environment) { _, env in env }
        var c = RunPodConfig()
        if let key = settings["RUNPOD_API_KEY"]?.trimmingCharacters(in: .whitespaces), !key.isEmpty {
            c.apiKey = Secret(key)
        }
        if let id = settings["RUNPOD_ENDPOINT_ID"]?.trimmingCharacters(in: .whitespaces), !id.isEmpty {
            c.endpointID = id
        }
        if let url = settings["RUNPOD_BASE_URL"], !url.isEmpty { c.baseURL = url }
        c.prompts = RunPodPrompts(settings: settings)
        if let paths = settings["RUNPOD_AUDIO_PATH"], !paths.isEmpty {
            c.audioPaths = paths.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var reader = SettingsReader(settings: settings)
        reader.int("RUNPOD_STEPS", into: &c.steps, range: 1...1000)
        reader.double("RUNPOD_CFG_SCALE", into: &c.cfgScale, range: 0...50)
        reader.double("RUNPOD_TIMEOUT", into: &c.timeout, range: 1...86_400)
        reader.double("RUNPOD_POLL_INTERVAL", into: &c.pollInterval, range: 0.001...600)
        reader.double("RUNPOD_RUNSYNC_MAX_SECONDS", into: &c.runSyncMaxSeconds, range: 0...47)
        reader.int("RUNPOD_MAX_ATTEMPTS", into: &c.maxAttempts, range: 1...20)
        reader.double("RUNPOD_CONNECT_BUDGET", into: &c.connectBudget, range: 0...600)
        reader.int("RUNPOD_MAX_CONCURRENT_JOBS", into: &c.maxConcurrentJobs, range: 1...16)
        c.problems = reader.problems
        c.cacheDirectory = defaultCacheDirectory(settings: settings)
        return c
    }

    /// `FOOTFALL_CACHE_DIR/runpod`, else `$XDG_CACHE_HOME/footfall/runpod`, else `~/.cache/footfall/runpod`.
    public static func defaultCacheDirectory(settings: [String: String]) -> URL {
        if let root = settings["FOOTFALL_CACHE_DIR"], !root.isEmpty {
            return URL(fileURLWithPath: root).appendingPathComponent("runpod")
        }
        let base =
            settings["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("footfall/runpod")
    }

    /// What keeps the backend from running, e.g. "missing RUNPOD_API_KEY"; nil when ready.
    public var missingReason: String? {
        var missing: [String] = []
        if apiKey?.isEmpty ?? true { missing.append("RUNPOD_API_KEY") }
        if endpointID?.isEmpty ?? true { missing.append("RUNPOD_ENDPOINT_ID") }
        if !missing.isEmpty {
            return "missing " + missing.joined(separator: " and ")
                + " (set it in the environment or in .env in the working directory)"
        }
        if !problems.isEmpty { return problems.joined(separator: "; ") }
        guard let url = URL(string: baseURL), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            return "RUNPOD_BASE_URL '\(baseURL.singleLine())' is not an http(s) URL"
        }
        return nil
    }

    public var description: String {
        "RunPodConfig(endpoint: \(endpointID ?? "none"), base: \(baseURL), key: \(apiKey == nil ? "none" : "***"),"
            + " steps: \(steps), cfg: \(cfgScale), timeout: \(timeout)s)"
    }
}

/// Reads numbers from settings, collecting a message for each value that is not one.
private struct SettingsReader {
    let settings: [String: String]
    var problems: [String] = []

    mutating func int(_ name: String, into value: inout Int, range: ClosedRange<Int>) {
        read(name, into: &value, range: range, kind: "a whole number")
    }

    mutating func double(_ name: String, into value: inout Double, range: ClosedRange<Double>) {
        read(name, into: &value, range: range, kind: "a number")
    }

    private mutating func read<T: LosslessStringConvertible & Comparable>(
        _ name: String, into value: inout T, range: ClosedRange<T>, kind: String
    ) {
        guard let text = settings[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return }
        if let v = T(text), range.contains(v) {
            value = v
        } else {
            problems.append(
                "\(name) must be \(kind) in \(range.lowerBound)...\(range.upperBound) (got '\(text.singleLine())')")
        }
    }
}
