import Foundation
import Logging

/// How log lines look on standard error.
public enum LogFormat: String, Sendable, CaseIterable {
    case text, json
}

/// A swift-log handler writing one line per message to standard error, as text or JSON.
public struct StderrLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    /// Metadata of the task the message is logged from (the job id of `LogContext`), read at each message.
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    private let label: String
    private let format: LogFormat
    private let write: @Sendable (String) -> Void

    public init(label: String, level: Logger.Level, format: LogFormat) {
        self.init(label: label, level: level, format: format) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Formats the same way but hands each line (with its newline) to `write`, e.g. a test's buffer.
    public init(label: String, level: Logger.Level, format: LogFormat, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.logLevel = level
        self.format = format
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let level = event.level
        let message = event.message
        let all = (metadataProvider?.get() ?? [:]).merging(metadata) { $1 }.merging(event.metadata ?? [:]) { $1 }
        let text: String
        switch format {
        case .text:
            let meta =
                all.isEmpty
                ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            text = "\(level.rawValue.prefix(4)): \(message)\(meta)\n"
        case .json:
            var object: [String: String] = [
                "time": ISO8601DateFormatter().string(from: Date()), "level": level.rawValue, "label": label,
                "message": message.description,
            ]
            for (k, v) in all { object[k] = v.description }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            text = (String(data: data, encoding: .utf8) ?? "{}") + "\n"
        }
        write(text)
    }
}

/// What every log line of a task carries, whichever logger writes it: a render farm worker sets the job id around
/// a render, so the pipeline's own lines (`footfall.render`, `footfall.pose`, …) name the job too.
public enum LogContext {
    @TaskLocal public static var job: String?

    public static let provider = Logger.MetadataProvider {
        guard let job else { return [:] }
        return ["job": "\(job)"]
    }
}

public enum LogSetup {
    /// Installs the stderr handler once per process (swift-log allows a single bootstrap).
    public static func bootstrap(level: Logger.Level, format: LogFormat) {
        guard claim() else { return }
        LoggingSystem.bootstrap(
            { label, provider in
                var handler = StderrLogHandler(label: label, level: level, format: format)
                handler.metadataProvider = provider
                return handler
            }, metadataProvider: LogContext.provider)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var done = false

    private static func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if done { return false }
        done = true
        return true
    }
}
