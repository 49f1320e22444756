import Crypto
import FootfallCore
import Foundation

/// What a queue job renders besides its video, carried in the job's options next to the render settings: a
/// re-render from the web editor gives the edited steps as a file on the shared storage, so a worker renders
/// them (sound, mix and export only) instead of finding steps again. The options record the file's digest; each
/// re-render request is a new job (`request`), while a retried enqueue of the same request renders once.
public struct FarmRenderInputs: Codable, Sendable, Equatable {
    /// Steps with their surfaces (and shoes) decided: rendered without any pass over the video.
    public var placedSteps: String?
    /// Steps rendered through the pipeline's `--steps` path (one surface pass over the video).
    public var stepsFile: String?
    /// A video whose picture the MP4 copies (an earlier render's MP4).
    public var pictureSource: String?
    /// SHA-256 of the steps file's bytes.
    public var stepsDigest: String?
    /// One per re-render request: each asks for a render, even of edits rendered before (the output folder
    /// holds whatever rendered last).
    public var request: String?

    public init(
        placedSteps: String? = nil, stepsFile: String? = nil, pictureSource: String? = nil, stepsDigest: String? = nil,
        request: String? = nil
    ) {
        self.placedSteps = placedSteps
        self.stepsFile = stepsFile
        self.pictureSource = pictureSource
        self.stepsDigest = stepsDigest
        self.request = request
    }

    enum CodingKeys: String, CodingKey {
        case placedSteps = "placed_steps"
        case stepsFile = "steps_file"
        case pictureSource = "picture_source"
        case stepsDigest = "steps_digest"
        case request = "rerender"
    }

    var isEmpty: Bool { placedSteps == nil && stepsFile == nil }

    /// A job's options: the render settings as JSON (sorted keys, as `batch` writes them), with these inputs
    /// added when there are any.
    public static func options(_ config: FootfallConfig, inputs: FarmRenderInputs? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let settings = try encoder.encode(config)
        guard let inputs, !inputs.isEmpty else { return String(decoding: settings, as: UTF8.self) }
        var merged = try JSONSerialization.jsonObject(with: settings) as? [String: Any] ?? [:]
        let extra = try JSONSerialization.jsonObject(with: try encoder.encode(inputs)) as? [String: Any] ?? [:]
        merged.merge(extra) { _, new in new }
        let data = try JSONSerialization.data(withJSONObject: merged, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Hex SHA-256 of a steps file's bytes.
    public static func digest(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The inputs in a job's options (none for a first render).
    public static func decode(fromOptions options: String) throws -> FarmRenderInputs {
        try JSONDecoder().decode(FarmRenderInputs.self, from: Data(options.utf8))
    }
}
