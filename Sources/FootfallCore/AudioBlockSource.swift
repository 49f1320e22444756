/// Audio read in blocks, so a long track can live in a file instead of memory: the mix of a 10-minute video is
/// 230 MB of float samples, and the mixer, the WAV writer and the muxer each only need a few seconds at a time.
public protocol AudioBlockSource: Sendable {
    var sampleRate: Int { get }
    var channelCount: Int { get }
    var frameCount: Int { get }
    /// One array per channel with the samples of `range`; zeros where the range lies outside `0..<frameCount`.
    func read(_ range: Range<Int>) throws -> [[Float]]
}

extension AudioBlockSource {
    public var duration: Double { sampleRate > 0 ? Double(frameCount) / Double(sampleRate) : 0 }

    /// The whole source in memory (for short tracks: tests, auditions, reports).
    public func loadAll() throws -> AudioBuffer {
        AudioBuffer(sampleRate: sampleRate, channels: try read(0..<frameCount))
    }

    /// Calls `body` with consecutive blocks of at most `blockFrames` frames covering the source, in order.
    public func forEachBlock(
        of blockFrames: Int = AudioBlock.defaultFrames, _ body: (_ start: Int, _ block: [[Float]]) throws -> Void
    ) throws {
        var start = 0
        while start < frameCount {
            let end = min(frameCount, start + max(1, blockFrames))
            try body(start, try read(start..<end))
            start = end
        }
    }
}

public enum AudioBlock {
    /// Four seconds at 48 kHz: small next to a long track, large next to the few-millisecond context filters need.
    public static let defaultFrames = 4 * AudioBuffer.standardRate
}

extension AudioBuffer: AudioBlockSource {
    public func read(_ range: Range<Int>) throws -> [[Float]] {
        channels.map { plane in
            let lo = max(range.lowerBound, 0)
            let hi = min(range.upperBound, plane.count)
            guard lo < hi else { return [Float](repeating: 0, count: range.count) }
            var out = [Float](repeating: 0, count: range.count)
            let offset = lo - range.lowerBound
            plane.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    for i in lo..<hi { dst[offset + i - lo] = src[i] }
                }
            }
            return out
        }
    }
}
