import FootfallCore

/// A stereo (or any channel count) track kept in a work file, read back in blocks.
public final class SpooledAudio: AudioBlockSource, @unchecked Sendable {
    public let sampleRate: Int
    public let channelCount: Int
    /// Frames written; fixed once the writer is finished (the file is then only read).
    public private(set) var frameCount = 0
    private let file: FloatFile

    init(file: FloatFile, sampleRate: Int, channelCount: Int) {
        self.file = file
        self.sampleRate = sampleRate
        self.channelCount = max(1, channelCount)
    }

    /// A new, empty track in `workspace`.
    convenience init(in workspace: MixWorkspace, name: String, sampleRate: Int, channelCount: Int) throws {
        self.init(
            file: try FloatFile(path: workspace.file(name), workspace: workspace), sampleRate: sampleRate,
            channelCount: channelCount)
    }

    /// Appends a block (one array per channel, equal lengths).
    func append(_ block: [[Float]]) throws {
        let frames = block.first?.count ?? 0
        guard frames > 0 else { return }
        var interleaved = [Float](repeating: 0, count: frames * channelCount)
        let channels = channelCount
        interleaved.withUnsafeMutableBufferPointer { dst in
            for c in 0..<channels {
                block[min(c, block.count - 1)].withUnsafeBufferPointer { plane in
                    for i in 0..<frames { dst[i * channels + c] = plane[i] }
                }
            }
        }
        try file.append(interleaved)
        frameCount += frames
    }

    /// Empties the track so it can be written again.
    func reset() throws {
        try file.truncate()
        frameCount = 0
    }

    public func read(_ range: Range<Int>) throws -> [[Float]] {
        var out = [[Float]](repeating: [Float](repeating: 0, count: range.count), count: channelCount)
        let lo = max(range.lowerBound, 0)
        let hi = min(range.upperBound, frameCount)
        guard lo < hi else { return out }
        let interleaved = try file.read(offset: lo * channelCount, count: (hi - lo) * channelCount)
        let offset = lo - range.lowerBound
        let channels = channelCount
        interleaved.withUnsafeBufferPointer { src in
            for c in 0..<channels {
                out[c].withUnsafeMutableBufferPointer { plane in
                    for i in 0..<(hi - lo) { plane[offset + i] = src[i * channels + c] }
                }
            }
        }
        return out
    }
}
