import Foundation

/// A job as a worker holds it after `claim`: what to render, where to, with which options (the render settings
/// as JSON), and how many times it has been started (1 on the first claim).
public struct QueuedJob: Sendable, Equatable {
    public var id: Int64
    public var video: String
    public var outputDir: String
    public var options: String
    public var attempts: Int
}
