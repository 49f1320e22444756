/// The licences recordings come under, and what each asks of a work that uses them.
public enum RecordingLicence: String, Codable, Sendable, CaseIterable, Comparable {
    case cc0 = "CC0-1.0"
    case ccBy3 = "CC-BY-3.0"
    case ccBySa3 = "CC-BY-SA-3.0"

    /// As people write it in credits.
    public var title: String {
        switch self {
        case .cc0: return "CC0 1.0"
        case .ccBy3: return "CC BY 3.0"
        case .ccBySa3: return "CC BY-SA 3.0"
        }
    }

    public var url: String {
        switch self {
        case .cc0: return "https://creativecommons.org/publicdomain/zero/1.0/"
        case .ccBy3: return "https://creativecommons.org/licenses/by/3.0/"
        case .ccBySa3: return "https://creativecommons.org/licenses/by-sa/3.0/"
        }
    }

    /// The author must be credited where the work is published.
    public var requiresAttribution: Bool { self != .cc0 }

    /// A work made with it must be shared under the same licence.
    public var requiresShareAlike: Bool { self == .ccBySa3 }

    /// Ordered from the least to the most demanding, so "the strictest licence used" is a `max()`.
    public static func < (a: RecordingLicence, b: RecordingLicence) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
