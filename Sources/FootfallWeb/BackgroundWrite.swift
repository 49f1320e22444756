import FootfallCore
import Foundation

/// Files written after a job is done (its stems), on a GCD thread rather than one of the server's few cooperative
/// threads, which keep answering requests meanwhile. A download of those files waits for it; the job's next render
/// cancels it (between two files) and waits for it before it clears the output folder.
final class BackgroundWrite: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var outcome: Result<Void, any Error>?
    private var waiters: [CheckedContinuation<Void, any Error>] = []

    init(_ body: @escaping @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) throws -> Void) {
        DispatchQueue.global(qos: .utility).async { [self] in
            finish(Result { try body { [self] in lock.withLock { cancelled } } })
        }
    }

    var isFinished: Bool { lock.withLock { outcome != nil } }

    func cancel() {
        lock.withLock { cancelled = true }
    }

    /// Returns when the writing has ended; rethrows its error (`CancellationError` when it was cancelled).
    func wait() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let done: Result<Void, any Error>? = lock.withLock {
                if outcome == nil { waiters.append(continuation) }
                return outcome
            }
            if let done { continuation.resume(with: done) }
        }
    }

    private func finish(_ result: Result<Void, any Error>) {
        let waiting = lock.withLock {
            outcome = result
            defer { waiters = [] }
            return waiters
        }
        for waiter in waiting { waiter.resume(with: result) }
    }
}
