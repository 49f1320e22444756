import Foundation

/// The steps JSON (`<name>.steps.json`): versioned, documented in the README, editable by users and re-renderable.
public struct StepsDocument: Codable, Sendable, Equatable {
    public static let currentVersion = 1

    public struct Video: Codable, Sendable, Equatable {
        public var file: String
        public var width: Int
        public var height: Int
        public var duration: Double
        public var frameRate: Double
        public init(file: String, width: Int, height: Int, duration: Double, frameRate: Double) {
            self.file = file
            self.width = width
            self.height = height
            self.duration = duration
            self.frameRate = frameRate
        }
        /// A steps file that does not say which video it belongs to.
        public static let unknown = Video(file: "", width: 0, height: 0, duration: 0, frameRate: 0)

        public var isUnknown: Bool { self == .unknown }

        public init(_ info: VideoInfo) {
            self.init(
                file: URL(fileURLWithPath: info.path).lastPathComponent, width: info.width, height: info.height,
                duration: info.duration, frameRate: info.frameRate)
        }
        enum CodingKeys: String, CodingKey {
            case file, width, height, duration
            case frameRate = "frame_rate"
        }
    }

    /// How the audio was (or is to be) made; a re-render with the same values gives the same WAV.
    public struct Render: Codable, Sendable, Equatable {
        public var backend: String
        public var seed: UInt64
        public var shoe: String?
        public var scene: SceneKind?
        public init(backend: String, seed: UInt64, shoe: String? = nil, scene: SceneKind? = nil) {
            self.backend = backend
            self.seed = seed
            self.shoe = shoe
            self.scene = scene
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            backend = try c.decodeIfPresent(String.self, forKey: .backend) ?? "procedural"
            seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 1
            shoe = try c.decodeIfPresent(String.self, forKey: .shoe)
            scene = try c.decodeIfPresent(SceneKind.self, forKey: .scene)
        }
        enum CodingKeys: String, CodingKey { case backend, seed, shoe, scene }
    }

    public var version: Int
    public var video: Video
    public var render: Render?
    /// Heel strikes (the sounds). Toe-offs live in `toeOffs`.
    public var steps: [StepEvent]
    public var toeOffs: [StepEvent]?
    public var surfaces: [SurfaceSegment]?

    public init(
        video: Video, steps: [StepEvent], render: Render? = nil, toeOffs: [StepEvent]? = nil,
        surfaces: [SurfaceSegment]? = nil
    ) {
        self.version = Self.currentVersion
        self.video = video
        self.steps = steps
        self.render = render
        self.toeOffs = toeOffs
        self.surfaces = surfaces
    }

    enum CodingKeys: String, CodingKey {
        case version, video, render, steps, surfaces
        case toeOffs = "toe_offs"
    }

    /// Only `steps` (each with `time` and `foot`) is required, so files written by hand or by other tools load.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? Self.currentVersion
        video = try c.decodeIfPresent(PartialVideo.self, forKey: .video)?.video ?? .unknown
        render = try c.decodeIfPresent(Render.self, forKey: .render)
        steps = try c.decode([StepEvent].self, forKey: .steps)
        toeOffs = try c.decodeIfPresent([StepEvent].self, forKey: .toeOffs)
        surfaces = try c.decodeIfPresent([SurfaceSegment].self, forKey: .surfaces)
    }

    public static func decode(from data: Data, source: String = "steps JSON") throws -> StepsDocument {
        let doc: StepsDocument
        do {
            doc = try JSONDecoder().decode(StepsDocument.self, from: data)
        } catch let error as DecodingError {
            throw FootfallError.badInput(
                "\(source) is not a valid steps file: \(error.readable). See 'Steps JSON' in the README.")
        }
        guard doc.version == currentVersion else {
            throw FootfallError.badInput(
                "\(source) has version \(doc.version); this footfall reads version \(currentVersion)")
        }
        for (i, s) in doc.steps.enumerated() where !s.time.isFinite || s.time < 0 {
            throw FootfallError.badInput("\(source): step \(i) has time \(s.time); times are seconds ≥ 0")
        }
        return doc
    }

    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try e.encode(self)
    }
}

extension DecodingError {
    /// One line a user can act on: which field, what was wrong (bad values quoted on one line).
    public var readable: String { readableText.singleLine(limit: 300) }

    private var readableText: String {
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "top level" : String(p.drop(while: { $0 == "." }))
        }
        switch self {
        case .keyNotFound(let key, let c): return "missing field '\(key.stringValue)' at \(path(c))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(path(c)): \(c.debugDescription)"
        case .dataCorrupted(let c): return "\(path(c)): \(c.debugDescription)"
        @unknown default: return "\(self)"
        }
    }
}
