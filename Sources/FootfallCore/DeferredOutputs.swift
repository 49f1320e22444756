import Foundation

/// Output files a render leaves to be written later: on request, or in the background once the files a person is
/// waiting for are ready. The web interface defers the stems this way: for a minute with eight walkers they are 18
/// full-length WAVs, most of a re-render's time, and few people download them. Holding one keeps what the files are
/// made from (the mixer's spooled sounds) alive until it has run or is dropped.
public struct DeferredOutputs: Sendable {
    /// The files it writes, in order.
    public let paths: [String]
    private let body: @Sendable (_ isCancelled: @Sendable () -> Bool) throws -> Void

    public init(paths: [String], body: @escaping @Sendable (_ isCancelled: @Sendable () -> Bool) throws -> Void) {
        self.paths = paths
        self.body = body
    }

    /// Writes the files, each atomically; throws `CancellationError` between two files once `isCancelled` says so
    /// (the files already written stay).
    public func write(isCancelled: @escaping @Sendable () -> Bool = { false }) throws {
        try body(isCancelled)
    }
}

/// Runs two independent pieces of blocking work at the same time — `other` on a GCD thread, `here` on the calling
/// thread — and returns both results once both have finished; the first error (of `here`, then of `other`) is
/// rethrown after both have ended, so nothing runs on behind the caller's back.
public func inParallel<A: Sendable, B>(
    _ other: @escaping @Sendable () throws -> A, _ here: () throws -> B
) throws -> (A, B) {
    let slot = ResultSlot<A>()
    let group = DispatchGroup()
    DispatchQueue.global(qos: .userInitiated).async(group: group) { slot.set(Result { try other() }) }
    let mine = Result { try here() }
    group.wait()
    let b = try mine.get()
    return (try slot.get().get(), b)
}

/// One result handed from a GCD thread to the thread that waits for it.
private final class ResultSlot<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<T, any Error>?

    func set(_ result: Result<T, any Error>) {
        lock.withLock { value = result }
    }

    /// After the work has finished (the caller waited on its group).
    func get() -> Result<T, any Error> {
        lock.withLock { value ?? .failure(CancellationError()) }
    }
}
