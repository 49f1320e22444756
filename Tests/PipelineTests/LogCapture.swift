import FootfallCore
import Foundation
import Logging

/// Every log line of the test process, formatted by Footfall's own handler as text and as JSON, at trace level.
///
/// swift-log allows one bootstrap per process, so this installs itself once, the first time it is used, and keeps
/// sending info and above to standard error as before. Loggers created before that (static ones in other modules,
/// if another test touched them first) are not captured; the render's own loggers are created per render.
final class LogCapture: @unchecked Sendable {
    static let shared: LogCapture = {
        let capture = LogCapture()
        LoggingSystem.bootstrap { label in
            MultiplexLogHandler([
                StderrLogHandler(label: label, level: .trace, format: .text, write: capture.append),
                StderrLogHandler(label: label, level: .trace, format: .json, write: capture.append),
                StreamLogHandler.standardError(label: label),
            ])
        }
        return capture
    }()

    private let lock = NSLock()
    private var stored: [String] = []

    private func append(_ line: String) {
        lock.withLock { if stored.count < 500_000 { stored.append(line) } }
    }

    var count: Int { lock.withLock { stored.count } }

    /// Lines logged since `start` (a `count` taken earlier).
    func lines(since start: Int) -> [String] {
        lock.withLock { Array(stored[min(start, stored.count)...]) }
    }
}
