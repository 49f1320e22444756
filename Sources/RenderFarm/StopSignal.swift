import Foundation

/// Set once when the worker should stop taking jobs (SIGTERM/SIGINT): the job in hand is finished first.
public final class StopSignal: Sendable {
    private let state = NSLock()
    nonisolated(unsafe) private var raised = false

    public init() {}

    public var isRaised: Bool { state.withLock { raised } }

    /// Raises it; returns true the first time.
    @discardableResult
    public func raise() -> Bool {
        state.withLock {
            defer { raised = true }
            return !raised
        }
    }
}
