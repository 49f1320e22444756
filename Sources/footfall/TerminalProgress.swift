import FootfallCore
import Foundation

/// A progress bar per stage on a TTY; on a pipe or file, a plain line when a stage starts and ends.
final class TerminalProgress: ProgressSink, @unchecked Sendable {
    private let lock = NSLock()
    private let isTTY = isatty(STDERR_FILENO) != 0
    private let enabled: Bool
    private var stage = ""
    private var lastDrawn = -1

    init(enabled: Bool) { self.enabled = enabled }

    func update(stage: String, fraction: Double) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        if stage != self.stage {
            if isTTY, !self.stage.isEmpty { write("\n") }
            self.stage = stage
            lastDrawn = -1
            if !isTTY { write("[\(stage)] started\n") }
        }
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        if isTTY {
            let filled = percent * 30 / 100
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 30 - filled)
            write("\r\(stage.padding(toLength: 10, withPad: " ", startingAt: 0)) \(bar) \(percent)%")
            if percent == 100 {
                write("\n")
                self.stage = ""
            }
        } else if percent == 100 {
            write("[\(stage)] done\n")
        }
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
