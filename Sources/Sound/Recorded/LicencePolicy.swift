import FootfallCore

/// Which recordings a render may use (`--licence`): the conditions the user accepts on their output.
public enum LicencePolicy: String, Sendable, CaseIterable {
    /// Only CC0: no condition on the output.
    case cc0
    /// CC0 and CC BY: the output must credit the authors.
    case attribution
    /// Also CC BY-SA: the output must credit the authors and be shared under the same licence.
    case any

    /// Without `--licence` every installed recording may play: choosing recordings is the user's decision, and
    /// whatever conditions follow are said in the render's summary and written in its credits file. `--licence`
    /// restricts.
    public static let `default` = LicencePolicy.any

    /// The backend option (`backend_options` in footfall.json, `--licence` on the command line) that sets it.
    public static let optionKey = "licence"

    /// The `--licence` help text, the same for every command that takes it.
    public static let help =
        "Recordings the recorded backend may use: cc0 (no condition on your output), attribution (CC0 and CC BY:"
        + " credit the authors), any (default; also CC BY-SA: credit the authors and share the output alike)."

    public func allows(_ licence: RecordingLicence) -> Bool {
        switch self {
        case .cc0: return licence == .cc0
        case .attribution: return licence != .ccBySa3
        case .any: return true
        }
    }

    /// Parses `cc0`, `attribution` or `any` (also the licence names people type: cc-by, by-sa, …).
    public static func parse(_ name: String) throws -> LicencePolicy {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        if let policy = LicencePolicy(rawValue: key) { return policy }
        let aliases: [String: LicencePolicy] = [
            "cc-0": .cc0, "public-domain": .cc0, "by": .attribution, "cc-by": .attribution, "by-sa": .any,
            "cc-by-sa": .any, "share-alike": .any, "all": .any,
        ]
        if let policy = aliases[key] { return policy }
        let names = allCases.map(\.rawValue)
        throw FootfallError.usage(
            "unknown licence '\(name.singleLine())'\(DidYouMean.hint(name, from: names)); use cc0 (no condition),"
                + " attribution (CC0 and CC BY: credit the authors) or any (also CC BY-SA: credit and share alike)")
    }

    /// From a backend's options; the default when absent.
    public init(options: [String: String]) throws {
        self = try options[Self.optionKey].map(Self.parse) ?? Self.default
    }
}
