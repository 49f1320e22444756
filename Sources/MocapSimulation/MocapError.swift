/// Why a mocap file, fixture or contacts list could not be used.
public enum MocapError: Error, CustomStringConvertible, Sendable {
    case malformedBVH(String)
    case missingJoint(String)
    case malformedFixture(String)
    case unknownClip(String)

    public var description: String {
        switch self {
        case .malformedBVH(let why): "malformed BVH: \(why)"
        case .missingJoint(let name): "the skeleton has no joint named \(name)"
        case .malformedFixture(let why): "malformed mocap fixture: \(why)"
        case .unknownClip(let name): "no contacts for clip \(name)"
        }
    }
}
