import FootfallCore

/// Programme loudness to deliver at. Integrated loudness in LUFS (ITU-R BS.1770 / EBU R128).
public enum LoudnessTarget: Sendable, Equatable, CustomStringConvertible {
    /// EBU R128 broadcast: −23 LUFS.
    case ebuR128
    /// Web and podcast delivery: −16 LUFS.
    case web
    /// Music streaming services: −14 LUFS.
    case streaming
    case custom(lufs: Double)

    public var lufs: Double {
        switch self {
        case .ebuR128: return -23
        case .web: return -16
        case .streaming: return -14
        case .custom(let v): return v
        }
    }

    public var description: String {
        switch self {
        case .ebuR128: return "ebu-r128 (-23 LUFS)"
        case .web: return "web (-16 LUFS)"
        case .streaming: return "streaming (-14 LUFS)"
        case .custom(let v): return "\(v) LUFS"
        }
    }

    public static let names = ["ebu", "r128", "ebu-r128", "broadcast", "web", "podcast", "streaming"]

    /// Accepts a preset name or a number of LUFS such as "-18".
    public static func parse(_ text: String) throws -> LoudnessTarget {
        switch text.lowercased() {
        case "ebu", "r128", "ebu-r128", "broadcast": return .ebuR128
        case "web", "podcast": return .web
        case "streaming": return .streaming
        default:
            if let v = Double(text), v.isFinite, (-70.0)...(0.0) ~= v { return .custom(lufs: v) }
            throw FootfallError.usage(
                "unknown loudness target '\(text)'\(DidYouMean.hint(text, from: names)); use ebu-r128 (-23 LUFS), "
                    + "web (-16), streaming (-14) or a number of LUFS between -70 and 0 such as -18")
        }
    }
}
