import Foundation

/// A small blocking producer/consumer queue between two threads: `put` waits while full (frames are never
/// dropped, memory stays bounded), `take` waits while empty and returns nil once the queue is closed and drained.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let capacity: Int
    private var items: [Element] = []
    private var closed = false
    private let condition = NSCondition()

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        items.reserveCapacity(self.capacity)
    }

    /// Adds `item`, waiting for room. Returns false (item discarded) when the queue was closed by the consumer.
    @discardableResult
    func put(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Next item, waiting for one; nil when closed and empty.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// No more items: wakes every waiter. With `discardPending`, queued items are dropped too (consumer gave up).
    func close(discardPending: Bool = false) {
        condition.lock()
        closed = true
        if discardPending { items.removeAll() }
        condition.broadcast()
        condition.unlock()
    }
}
