import Foundation

/// A clip's foot contacts as `check.py` found them (`contacts.json`), in file time: seconds from the first MOTION
/// line, frame 0 included even when it is the synthetic T-pose.
public struct ContactTruth: Sendable, Equatable, Codable {
    /// Touch-down times (the heel strikes).
    public var left: [Double]
    public var right: [Double]
    /// Last frame time of each contact, parallel to `left` / `right` (the next lift-off).
    public var leftContactEnd: [Double]
    public var rightContactEnd: [Double]
    /// A foot already on the ground when the clip starts, until this time (not a touch-down).
    public var leftPlantedUntil: Double?
    public var rightPlantedUntil: Double?

    public init(
        left: [Double], right: [Double], leftContactEnd: [Double] = [], rightContactEnd: [Double] = [],
        leftPlantedUntil: Double? = nil, rightPlantedUntil: Double? = nil
    ) {
        self.left = left
        self.right = right
        self.leftContactEnd = leftContactEnd
        self.rightContactEnd = rightContactEnd
        self.leftPlantedUntil = leftPlantedUntil
        self.rightPlantedUntil = rightPlantedUntil
    }

    enum CodingKeys: String, CodingKey {
        case left, right
        case leftContactEnd = "left_contact_end"
        case rightContactEnd = "right_contact_end"
        case leftPlantedUntil = "left_planted_until"
        case rightPlantedUntil = "right_planted_until"
    }

    /// The same contacts `shift` seconds later (negative: earlier), e.g. from file time to video time.
    public func shifted(by shift: Double) -> ContactTruth {
        ContactTruth(
            left: left.map { $0 + shift }, right: right.map { $0 + shift },
            leftContactEnd: leftContactEnd.map { $0 + shift }, rightContactEnd: rightContactEnd.map { $0 + shift },
            leftPlantedUntil: leftPlantedUntil.map { $0 + shift },
            rightPlantedUntil: rightPlantedUntil.map { $0 + shift })
    }

    /// Reads every clip's entry of `contacts.json` (keys are file names such as "cmu_07_06.bvh").
    public static func load(contactsJSON url: URL) throws -> [String: ContactTruth] {
        let raw = try JSONDecoder().decode([String: RawEntry].self, from: Data(contentsOf: url))
        return raw.mapValues { e in
            ContactTruth(
                left: e.left, right: e.right, leftContactEnd: e.leftContactEnd ?? [],
                rightContactEnd: e.rightContactEnd ?? [], leftPlantedUntil: e.leftPlanted?.last,
                rightPlantedUntil: e.rightPlanted?.last)
        }
    }

    /// The fields of a `contacts.json` entry this package uses (it has many more).
    private struct RawEntry: Decodable {
        var left: [Double]
        var right: [Double]
        var leftContactEnd: [Double]?
        var rightContactEnd: [Double]?
        var leftPlanted: [Double]?
        var rightPlanted: [Double]?

        enum CodingKeys: String, CodingKey {
            case left, right
            case leftContactEnd = "left_contact_end"
            case rightContactEnd = "right_contact_end"
            case leftPlanted = "left_planted_at_start_until"
            case rightPlanted = "right_planted_at_start_until"
        }
    }
}
