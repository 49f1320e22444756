import Foundation

/// Where Footfall keeps what it writes for the user across runs.
public enum DataFolder {
    /// Where Footfall keeps what it writes for the user across runs (the bench history): `$XDG_DATA_HOME/footfall`,
    /// else `~/.local/share/footfall`, as the XDG base directory spec says; never the current folder.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("footfall")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/footfall")
    }
}
