/// One BVH motion channel ("Xposition", "Zrotation", …).
public enum BVHChannel: Sendable, Equatable {
    public enum Axis: Sendable { case x, y, z }

    case position(Axis)
    case rotation(Axis)

    init?(_ token: Substring) {
        let axis: Axis
        switch token.first {
        case "X", "x": axis = .x
        case "Y", "y": axis = .y
        case "Z", "z": axis = .z
        default: return nil
        }
        switch token.dropFirst().lowercased() {
        case "position": self = .position(axis)
        case "rotation": self = .rotation(axis)
        default: return nil
        }
    }
}
