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

extension StepsDocument.Video {
    /// Why a steps file's `video` block says it belongs to another video than `info`, or nil when it matches.
    /// Only the fields the file gives are compared (a hand-written block may give none), and only those the steps'
    /// times depend on: the duration (within 0.5 s or 1 %) and the frame rate (within 1 %). The file name is not
    /// (a video is renamed or uploaded under another name); another size is a proxy or a re-encode of the same
    /// picture, and the times still hold.
    public func mismatch(with info: VideoInfo) -> String? {
        var differences: [String] = []
        if duration > 0, info.duration > 0, abs(duration - info.duration) > max(0.5, 0.01 * info.duration) {
            differences.append(
                "\(String(format: "%.2f", duration)) s long, the video \(String(format: "%.2f", info.duration)) s")
        }
        if frameRate > 0, info.frameRate > 0, abs(frameRate - info.frameRate) > 0.01 * info.frameRate {
            differences.append(
                "\(String(format: "%.3f", frameRate)) fps, the video \(String(format: "%.3f", info.frameRate)) fps")
        }
        guard !differences.isEmpty else { return nil }
        let name = file.isEmpty ? "its video" : "'\(file)'"
        return "its video block describes \(name) as \(differences.joined(separator: "; "))"
    }
}
