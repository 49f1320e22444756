import Foundation

extension StepsDocument {
    /// The `video` block of a hand-written file, where any field may be left out. `Video` itself stays strict
    /// because pose files tell their two video shapes apart by which one decodes.
    struct PartialVideo: Decodable {
        var video: Video

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Video.CodingKeys.self)
            video = Video(
                file: try c.decodeIfPresent(String.self, forKey: .file) ?? "",
                width: try c.decodeIfPresent(Int.self, forKey: .width) ?? 0,
                height: try c.decodeIfPresent(Int.self, forKey: .height) ?? 0,
                duration: try c.decodeIfPresent(Double.self, forKey: .duration) ?? 0,
                frameRate: try c.decodeIfPresent(Double.self, forKey: .frameRate) ?? 0)
        }
    }
}
