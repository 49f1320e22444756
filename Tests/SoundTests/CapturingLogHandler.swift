import Foundation
import Logging

/// Collects log lines (level, message and metadata) so tests can check warnings and look for leaked secrets
/// without touching the global logging system.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(level: Logger.Level, message: String, line: String)] = []

    func append(_ level: Logger.Level, _ message: String, metadata: Logger.Metadata = [:]) {
        lock.withLock { entries.append((level, message, "\(level) \(message) \(metadata)")) }
    }

    /// Messages logged as warnings.
    var warnings: [String] { lock.withLock { entries.filter { $0.level == .warning }.map(\.message) } }

    /// Every line with its level and metadata.
    var text: String { lock.withLock { entries.map(\.line).joined(separator: "\n") } }

    var logger: Logger {
        Logger(label: "test.capture") { _ in CapturingLogHandler(capture: self) }
    }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let extra = (event.metadata ?? [:]).merging(metadata) { a, _ in a }
        capture.append(event.level, event.message.description, metadata: extra)
    }
}
