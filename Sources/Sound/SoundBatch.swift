/// A backend's sounds for a render, in request order, and warnings for the render's summary and report.
public struct SoundBatch: Sendable {
    public var sounds: [FootstepSound]
    /// One line each, saying what happened, why, and what was done instead (never secrets).
    public var warnings: [String]

    public init(sounds: [FootstepSound], warnings: [String] = []) {
        self.sounds = sounds
        self.warnings = warnings
    }
}

extension SoundBackend {
    public func soundBatch(for requests: [SoundRequest]) async throws -> SoundBatch {
        SoundBatch(sounds: try await sounds(for: requests))
    }
}
