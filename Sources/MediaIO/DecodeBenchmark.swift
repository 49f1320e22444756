import Foundation

/// Measures decode + scale + RGB copy-out throughput (what the pose stage pays per frame).
public enum DecodeBenchmark {
    public struct Result: Sendable {
        public var frames: Int
        /// Wall-clock seconds.
        public var seconds: Double
        /// CPU seconds of the whole process over the run (all threads); on a busy machine this says more than
        /// the wall clock.
        public var cpuSeconds: Double
        public var framesPerSecond: Double { seconds > 0 ? Double(frames) / seconds : 0 }
        public var framesPerCPUSecond: Double { cpuSeconds > 0 ? Double(frames) / cpuSeconds : 0 }
    }

    /// Decodes the whole video at `size` and times it (wall clock, opening included).
    public static func run(path: String, size: FrameSize = .fit(maxDimension: 256), threads: Int = 0) throws -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = processCPUSeconds()
        let decoder = try VideoDecoder(path: path, size: size, threads: threads)
        var frames = 0
        while try decoder.nextFrame() != nil { frames += 1 }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(frames: frames, seconds: seconds, cpuSeconds: processCPUSeconds() - cpuStart)
    }

    static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
