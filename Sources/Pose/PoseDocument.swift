import FootfallCore
import Foundation

/// The pose JSON file (`footfall pose VIDEO --json FILE`): the probed video and every frame's walkers.
public struct PoseDocument: Codable, Sendable, Equatable {
    public var video: VideoInfo
    public var frames: [PoseFrame]

    public init(video: VideoInfo, frames: [PoseFrame]) {
        self.video = video
        self.frames = frames
    }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Writes the JSON to a temporary file next to `path`, then renames it into place.
    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try jsonData().write(to: temp)
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temp)
            } else {
                try FileManager.default.moveItem(at: temp, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw FootfallError.failure("cannot write \(path): \(error.localizedDescription)")
        }
    }

    public static func read(from path: String) throws -> PoseDocument {
        do {
            return try JSONDecoder().decode(PoseDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw FootfallError.badInput("\(path) is not a Footfall pose JSON file: \(error.localizedDescription)")
        }
    }
}
