import FootfallCore
import Foundation

/// Frames decoded on a dedicated thread, up to `capacity` ahead of the consumer, so decoding overlaps with what
/// the consumer does per frame (pose inference). Memory is bounded by `capacity` frames.
///
///     for try await frame in PrefetchedFrames(path: video, size: .fit(maxDimension: 256)) { … }
///
/// Stopping early (break, error, task cancellation) stops the decoding thread.
public struct PrefetchedFrames: AsyncSequence, Sendable {
    public typealias Element = RGBFrame

    public let path: String
    public let size: FrameSize
    public let threads: Int
    public let capacity: Int

    public init(path: String, size: FrameSize = .original, threads: Int = 0, capacity: Int = 8) {
        self.path = path
        self.size = size
        self.threads = threads
        self.capacity = Swift.max(1, capacity)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<RGBFrame, Error>.AsyncIterator
        let slots: SlotGate

        public mutating func next() async throws -> RGBFrame? {
            let frame = try await base.next()
            if frame != nil { slots.release() }
            return frame
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        let slots = SlotGate(capacity)
        let (stream, continuation) = AsyncThrowingStream<RGBFrame, Error>.makeStream()
        continuation.onTermination = { _ in slots.stop() }
        let (path, size, threads) = (self.path, self.size, self.threads)
        let thread = Thread {
            do {
                let decoder = try VideoDecoder(path: path, size: size, threads: threads)
                while slots.acquire() {
                    guard let frame = try decoder.nextFrame() else { break }
                    continuation.yield(frame)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.name = "footfall.decode"
        thread.start()
        return AsyncIterator(base: stream.makeAsyncIterator(), slots: slots)
    }
}

/// Counts free buffer slots between the decoding thread and the consumer; `stop` wakes and ends the producer.
/// (DispatchSemaphore cannot be used: libdispatch traps when one is freed below its initial value.)
final class SlotGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: Int
    private var stopped = false

    init(_ capacity: Int) { free = capacity }

    /// Waits for a free slot; false once stopped.
    func acquire() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while free == 0, !stopped { condition.wait() }
        guard !stopped else { return false }
        free -= 1
        return true
    }

    func release() {
        condition.lock()
        free += 1
        condition.signal()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
