import Foundation

/// Receives progress from long work: which stage runs and how far it is (0...1).
/// The CLI draws a bar on a TTY (plain lines otherwise); the web server stores it in the job.
public protocol ProgressSink: Sendable {
    func update(stage: String, fraction: Double)
}

/// Discards progress.
public struct NoProgress: ProgressSink {
    public init() {}
    public func update(stage: String, fraction: Double) {}
}

/// Wall-clock time spent per stage, in order, for `--timings`, reports and benchmarks.
public struct StageTimings: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var stage: String
        public var seconds: Double
        /// Items processed (frames for decode/pose, steps for sound), when meaningful.
        public var items: Int?
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public mutating func record(_ stage: String, seconds: Double, items: Int? = nil) {
        entries.append(Entry(stage: stage, seconds: seconds, items: items))
    }

    public var total: Double { entries.reduce(0) { $0 + $1.seconds } }

    /// Measures `body` and records it under `stage`.
    public mutating func measure<T>(_ stage: String, items: ((T) -> Int?)? = nil, _ body: () async throws -> T)
        async rethrows -> T
    {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try await body()
        let d = clock.now - start
        record(
            stage, seconds: Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18, items: items?(value)
        )
        return value
    }

    /// A plain-text table: stage, seconds, items, share.
    public func table(mediaDuration: Double? = nil) -> String {
        var lines = ["stage            seconds    items   share"]
        let t = max(total, 1e-9)
        for e in entries {
            let items = e.items.map(String.init) ?? "-"
            lines.append(
                e.stage.padding(toLength: 16, withPad: " ", startingAt: 0) + " "
                    + String(format: "%7.2f", e.seconds) + " " + items.leftPad(8) + " "
                    + String(format: "%6.1f%%", 100 * e.seconds / t))
        }
        var footer = "total            " + String(format: "%7.2f", total)
        if let d = mediaDuration, d > 0 { footer += String(format: "   real-time factor %.2f×", d / t) }
        lines.append(footer)
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
