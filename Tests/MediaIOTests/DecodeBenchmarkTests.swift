import Foundation
import MediaIO
import Testing

/// Runs only when FOOTFALL_BENCH_VIDEO names a video (see bench/decode_bench.sh); reports, never times a pass/fail.
@Test(.enabled(if: ProcessInfo.processInfo.environment["FOOTFALL_BENCH_VIDEO"] != nil))
func decodeBenchmark() throws {
    let path = ProcessInfo.processInfo.environment["FOOTFALL_BENCH_VIDEO"] ?? ""
    for size in [FrameSize.fit(maxDimension: 256), .original] {
        let result = try DecodeBenchmark.run(path: path, size: size)
        #expect(result.frames > 0)
        let fps = String(format: "%.0f", result.framesPerSecond)
        let cpu = String(format: "%.2f", result.cpuSeconds)
        let perCPU = String(format: "%.0f", result.framesPerCPUSecond)
        Issue.record(
            "decode benchmark \(size): \(result.frames) frames in \(String(format: "%.2f", result.seconds)) s = \(fps) fps; \(cpu) CPU s = \(perCPU) frames per CPU second",
            severity: .warning)
    }
}
