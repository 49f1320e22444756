import Foundation

/// A parsed BVH file: the joint hierarchy and the raw motion rows, in file units and degrees.
///
/// End Sites become joints named `<parent>_End` (as `check.py` names them) so toe and finger tips can be looked up
/// by name like any joint.
public struct BVHFile: Sendable {
    public struct Joint: Sendable {
        public var name: String
        public var parent: Int?
        public var offset: Vec3
        public var channels: [BVHChannel]
        /// Column of the joint's first channel in a motion row.
        public var channelStart: Int
        public var isEndSite: Bool
    }

    /// Parents come before their children (file order), so one pass computes forward kinematics.
    public var joints: [Joint]
    public var frameTime: Double
    public var frameCount: Int
    public var channelCount: Int
    /// Motion rows back to back, `channelCount` values each.
    public var values: [Double]

    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        try self.init(text: String(decoding: data, as: UTF8.self))
    }

    public init(text: String) throws {
        guard let motionRange = text.range(of: "MOTION") else { throw MocapError.malformedBVH("no MOTION section") }
        let header = text[..<motionRange.lowerBound]
        (joints, channelCount) = try Self.parseHierarchy(header)
        var lines = text[motionRange.upperBound...].split(whereSeparator: \.isNewline).makeIterator()
        var frames: Int?
        var frameTime: Double?
        while frames == nil || frameTime == nil, let line = lines.next() {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if parts[0].lowercased().hasPrefix("frames") {
                frames = Int(value)
            } else if parts[0].lowercased().hasPrefix("frame time") {
                frameTime = Double(value)
            }
        }
        guard let frames, let frameTime, frameTime > 0 else {
            throw MocapError.malformedBVH("no Frames / Frame Time lines")
        }
        var values: [Double] = []
        values.reserveCapacity(frames * channelCount)
        var rows = 0
        while let line = lines.next() {
            let numbers = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if numbers.isEmpty { continue }
            guard numbers.count == channelCount else {
                throw MocapError.malformedBVH("row \(rows) has \(numbers.count) values, expected \(channelCount)")
            }
            for n in numbers {
                guard let v = Double(n) else { throw MocapError.malformedBVH("bad number \(n) in row \(rows)") }
                values.append(v)
            }
            rows += 1
        }
        guard rows > 0 else { throw MocapError.malformedBVH("no motion rows") }
        self.frameTime = frameTime
        self.frameCount = rows
        self.values = values
    }

    public func index(of name: String) -> Int? { joints.firstIndex { $0.name == name } }

    public func row(_ frame: Int) -> ArraySlice<Double> {
        values[(frame * channelCount)..<((frame + 1) * channelCount)]
    }

    private static func parseHierarchy(_ header: Substring) throws -> ([Joint], Int) {
        let tokens = header.split(whereSeparator: \.isWhitespace)
        var joints: [Joint] = []
        var stack: [Int] = []
        var pending: Joint?
        var columns = 0
        var i = 0
        func number(_ k: Int) throws -> Double {
            guard k < tokens.count, let v = Double(tokens[k]) else {
                throw MocapError.malformedBVH("expected a number after OFFSET")
            }
            return v
        }
        while i < tokens.count {
            switch tokens[i] {
            case "ROOT", "JOINT":
                guard i + 1 < tokens.count else { throw MocapError.malformedBVH("joint without a name") }
                pending = Joint(
                    name: String(tokens[i + 1]), parent: stack.last, offset: .zero, channels: [], channelStart: 0,
                    isEndSite: false)
                i += 2
            case "End":
                guard let parent = stack.last else { throw MocapError.malformedBVH("End Site outside a joint") }
                pending = Joint(
                    name: joints[parent].name + "_End", parent: parent, offset: .zero, channels: [], channelStart: 0,
                    isEndSite: true)
                i += 2
            case "{":
                guard let joint = pending else { throw MocapError.malformedBVH("'{' without a joint") }
                joints.append(joint)
                stack.append(joints.count - 1)
                pending = nil
                i += 1
            case "}":
                guard stack.popLast() != nil else { throw MocapError.malformedBVH("unbalanced '}'") }
                i += 1
            case "OFFSET":
                guard let current = stack.last else { throw MocapError.malformedBVH("OFFSET outside a joint") }
                joints[current].offset = Vec3(try number(i + 1), try number(i + 2), try number(i + 3))
                i += 4
            case "CHANNELS":
                guard let current = stack.last, i + 1 < tokens.count, let n = Int(tokens[i + 1]) else {
                    throw MocapError.malformedBVH("bad CHANNELS line")
                }
                var channels: [BVHChannel] = []
                for k in 0..<n {
                    guard i + 2 + k < tokens.count, let c = BVHChannel(tokens[i + 2 + k]) else {
                        throw MocapError.malformedBVH("bad channel name")
                    }
                    channels.append(c)
                }
                joints[current].channels = channels
                joints[current].channelStart = columns
                columns += n
                i += 2 + n
            default:
                i += 1
            }
        }
        guard !joints.isEmpty, stack.isEmpty else { throw MocapError.malformedBVH("empty or unbalanced hierarchy") }
        return (joints, columns)
    }
}
