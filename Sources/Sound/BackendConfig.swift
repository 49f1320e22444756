import FootfallCore
import Foundation
import Logging

/// Everything a backend factory may need to build a backend; each backend reads only what it uses.
public struct BackendConfig: Sendable {
    /// Process environment (API keys, endpoint ids); injectable so tests never depend on the real one.
    public var environment: [String: String]
    /// `DIR/<surface>/*.wav|flac` for the `samples` backend.
    public var samplesDirectory: String?
    /// Where backends may cache generated audio (e.g. remote results).
    public var cacheDirectory: String?
    /// The shoe a render asked for (requests carry it too; some backends prefetch by it).
    public var shoe: ShoeKind
    /// Base seed of the render, for backend-wide choices (e.g. a sample round-robin order).
    public var seed: UInt64
    /// Backend-specific settings (`key=value` from the command line), so new backends need no new fields here.
    public var options: [String: String]
    public var logger: Logger

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, samplesDirectory: String? = nil,
        cacheDirectory: String? = nil, shoe: ShoeKind = .sneaker, seed: UInt64 = 0, options: [String: String] = [:],
        logger: Logger = Logger(label: "footfall.sound")
    ) {
        self.environment = environment
        self.samplesDirectory = samplesDirectory
        self.cacheDirectory = cacheDirectory
        self.shoe = shoe
        self.seed = seed
        self.options = options
        self.logger = logger
    }
}
