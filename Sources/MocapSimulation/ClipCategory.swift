/// What kind of motion a clip is (from the mocap README), so results can be reported per kind and the ambiguous
/// ones (turning, stylised) kept out of the headline numbers.
public enum ClipCategory: String, Sendable, CaseIterable, Codable {
    case normalWalk = "normal walk"
    case slowWalk = "slow walk"
    case briskOrRun = "brisk/run"
    case turning = "turning"
    case stylised = "stylised 131"
    case negative = "negative"

    /// Straight walks at a steady pace: the clips the headline tables use.
    public var isHeadline: Bool { self == .normalWalk || self == .slowWalk || self == .briskOrRun }

    /// Category of a clip by its CMU subject/trial (file name such as "cmu_07_06.bvh" or "cmu_07_06").
    public static func of(clip name: String) -> ClipCategory? {
        let id = name.replacingOccurrences(of: ".bvh", with: "").replacingOccurrences(of: "cmu_", with: "")
        switch id {
        case "05_01", "06_01", "07_03", "07_06", "07_07", "07_08", "08_03", "02_01": return .normalWalk
        case "07_04", "08_04", "08_11": return .slowWalk
        case "07_12", "02_03", "09_01": return .briskOrRun
        case "06_10", "06_11", "09_12": return .turning
        case "131_01", "131_02": return .stylised
        case "02_05", "02_10", "02_06": return .negative
        default: return nil
        }
    }
}
