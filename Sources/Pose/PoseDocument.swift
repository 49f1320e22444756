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
        try TemporaryFiles.shared.writeAtomically(try jsonData(), to: path)
    }

    public static func read(from path: String) throws -> PoseDocument {
        do {
            return try JSONDecoder().decode(PoseDocument.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw FootfallError.badInput("\(path) is not a Footfall pose JSON file: \(error.localizedDescription)")
        }
    }
}
