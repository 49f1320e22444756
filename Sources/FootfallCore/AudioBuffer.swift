/// Planar float audio. Footfall's internal rate is 48 kHz.
public struct AudioBuffer: Sendable, Equatable {
    public static let standardRate = 48_000

    public var sampleRate: Int
    /// One array per channel, all the same length.
    public var channels: [[Float]]

    public init(sampleRate: Int = AudioBuffer.standardRate, channels: [[Float]]) {
        precondition(Set(channels.map(\.count)).count <= 1, "all channels must have the same length")
        self.sampleRate = sampleRate
        self.channels = channels
    }

    public init(sampleRate: Int = AudioBuffer.standardRate, channelCount: Int, frames: Int) {
        self.init(
            sampleRate: sampleRate,
            channels: Array(repeating: [Float](repeating: 0, count: frames), count: channelCount))
    }

    public var channelCount: Int { channels.count }
    public var frameCount: Int { channels.first?.count ?? 0 }
    public var duration: Double { Double(frameCount) / Double(sampleRate) }

    /// Largest absolute sample value over all channels.
    public var peak: Float { channels.map { $0.reduce(0) { max($0, abs($1)) } }.max() ?? 0 }
}
