import Foundation

/// Where Footfall finds its runtime files (models, the LiteRT library, the demo video).
///
/// Order: `FOOTFALL_HOME`, then `<executable>/../share/footfall` (an installed tree), then the repository's `.cache`
/// found by walking up from the executable (a development build), then `./.cache`.
public enum ResourceLocator {
    public static func home(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let fm = FileManager.default
        if let h = environment["FOOTFALL_HOME"], !h.isEmpty { return URL(fileURLWithPath: h) }
        if let cache = environment["FOOTFALL_CACHE"], !cache.isEmpty { return URL(fileURLWithPath: cache) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        let installed = dir.deletingLastPathComponent().appendingPathComponent("share/footfall")
        if fm.fileExists(atPath: installed.appendingPathComponent("models").path) { return installed }
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent(".cache")
            if fm.fileExists(atPath: candidate.appendingPathComponent("models").path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent(".cache")
        return fm.fileExists(atPath: cwd.path) ? cwd : nil
    }

    /// A file under the resource home, or an error that says how to get it.
    public static func file(_ relative: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> URL
    {
        guard let home = home(environment: environment) else {
            throw FootfallError.failure(
                "cannot find Footfall's runtime files (\(relative)): run 'make setup' in the repository, or set FOOTFALL_HOME"
            )
        }
        let url = home.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FootfallError.failure(
                "missing \(url.path): run 'make setup' (or scripts/setup.sh) to install models and runtime")
        }
        return url
    }
}
