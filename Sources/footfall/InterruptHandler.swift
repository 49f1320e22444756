import Dispatch
import FootfallCore
import Foundation
import Logging

/// Ctrl-C (SIGINT) and SIGTERM for the commands that write files: the first signal removes the registered temporary
/// files and the current render's partial outputs (`TemporaryFiles`, `PartialOutputs`) and exits with 130 / 143; a
/// second signal exits at once. `serve` does not install it (its service group shuts down gracefully).
///
/// The signals are ignored at the C level and read by dispatch sources, so all the work happens on an ordinary
/// queue, never inside a signal handler.
enum InterruptHandler {
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var sources: [DispatchSourceSignal] = []
        var interrupted = false
    }

    private static let state = State()

    /// Installs the handlers once; later calls do nothing.
    static func install() {
        state.lock.withLock {
            guard state.sources.isEmpty else { return }
            let signals = DispatchQueue(label: "footfall.signals")
            for (number, exitCode) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: signals)
                source.setEventHandler { received(exitCode: exitCode) }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    private static func received(exitCode: Int32) {
        let first = state.lock.withLock {
            defer { state.interrupted = true }
            return !state.interrupted
        }
        guard first else { _exit(exitCode) }
        // Cleaned up on another queue, so a second signal is still read (and exits) if the cleanup is slow.
        DispatchQueue(label: "footfall.cleanup").async {
            if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("\n".utf8)) }
            Logger(label: "footfall").warning("interrupted: removing partial outputs…")
            _ = TemporaryFiles.shared.removeAllAndBlock()
            _exit(exitCode)
        }
    }
}
