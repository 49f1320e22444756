import Foundation

/// Measures decode + scale + RGB copy-out throughput (what the pose stage pays per frame).
public enum DecodeBenchmark {
    public struct Result: Sendable {
        public var frames: Int
        public var seconds: Double
        public var framesPerSecond: Double { seconds > 0 ? Double(frames) / seconds : 0 }
    }

    /// Decodes the whole video at `size` and times it (wall clock, opening included).
    public static func run(path: String, size: FrameSize = .fit(maxDimension: 256), threads: Int = 0) throws -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let decoder = try VideoDecoder(path: path, size: size, threads: threads)
        var frames = 0
        while try decoder.nextFrame() != nil { frames += 1 }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(frames: frames, seconds: seconds)
    }
}
