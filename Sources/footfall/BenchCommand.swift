import ArgumentParser
import FootfallCore
import Foundation
import MediaIO
import Pipeline
import Report

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure time per stage, frames per second, real-time factor and peak memory.",
        discussion: """
            Runs the whole pipeline on each video (default: the demo video, plus ../shared/clips/*.mp4 when present),
            appends one line per video to history.jsonl and rewrites dashboard.html in --history DIR (default:
            $XDG_DATA_HOME/footfall, else ~/.local/share/footfall; never the current folder).
            Example:
              footfall bench                  # demo video and shared clips
              footfall bench walk.mp4 --json  # machine-readable
              footfall bench --history bench  # the repository's bench/ folder
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Videos to measure.")
    var videos: [String] = []

    @Flag(help: "Print the records as JSON lines.")
    var json = false

    @Option(
        name: .customLong("history"),
        help:
            "Folder for history.jsonl and dashboard.html (default: $XDG_DATA_HOME/footfall or ~/.local/share/footfall)."
    )
    var historyDir: String?

    @Option(help: "Backend to render with.")
    var backend = "procedural"

    @Option(help: "Threads for pose inference.")
    var threads = 2

    func run() async throws {
        global.bootstrap()
        try await runReportingErrors {
            let files = videos.isEmpty ? Self.defaultVideos() : try VideoFinder.expand(videos)
            guard !files.isEmpty else {
                throw FootfallError.usage("no videos to measure: give some, or run 'make setup' for the demo video")
            }
            let benchDir = historyDir ?? DataFolder.path()
            try FileManager.default.createDirectory(atPath: benchDir, withIntermediateDirectories: true)
            let history = (benchDir as NSString).appendingPathComponent("history.jsonl")
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
                "footfall-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            var config = FootfallConfig()
            config.backend = backend
            config.threads = threads
            for file in files {
                let decode = try? DecodeBenchmark.run(path: file)
                let result = try await RenderPipeline().render(
                    RenderRequest(video: file, outputDirectory: scratch.path, config: config, force: true))
                let record = BenchRecord(
                    date: ISO8601DateFormatter().string(from: Date()), commit: Self.commit(), machine: Self.machine(),
                    video: URL(fileURLWithPath: file).lastPathComponent, frames: result.video.frameCount,
                    duration: result.video.duration, decodeFPS: decode?.framesPerSecond,
                    stages: result.timings.entries, total: result.timings.total, peakRSSMB: Self.peakRSSMB(),
                    mediapipeMsPerFrame: Self.mediapipeReference(for: file))
                let line = try record.jsonLine()
                try Self.append(line, to: history)
                if json {
                    emit(line)
                } else {
                    emit("== \(record.video): \(record.frames) frames, \(String(format: "%.1f", record.duration)) s")
                    emit(result.timings.table(mediaDuration: record.duration))
                    emit(
                        String(format: "frames/s %.1f, peak memory %.0f MB", record.framesPerSecond, record.peakRSSMB)
                            + (record.decodeFPS.map { String(format: ", decode→256 px %.0f frames/s", $0) } ?? ""))
                }
            }
            let dashboard = (benchDir as NSString).appendingPathComponent("dashboard.html")
            try BenchDashboard.render(BenchRecord.readHistory(history)).write(
                toFile: dashboard, atomically: true, encoding: .utf8)
            if !json { emit("history: \(history)\ndashboard: \(dashboard)") }
        }
    }

    static func defaultVideos() -> [String] {
        var files: [String] = []
        if let demo = try? ResourceLocator.file("demo/vtest.avi") { files.append(demo.path) }
        let shared = "../shared/clips"
        if let names = try? FileManager.default.contentsOfDirectory(atPath: shared) {
            files += names.filter { $0.hasSuffix(".mp4") }.sorted().map { shared + "/" + $0 }
        }
        return files
    }

    /// Peak resident memory of this process so far (getrusage: kilobytes on Linux).
    static func peakRSSMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func machine() -> String {
        "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB"
    }

    static func commit() -> String {
        let p = Process()
        let pipe = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = ["rev-parse", "--short", "HEAD"]
        p.standardOutput = pipe
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return "unknown" }
        p.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            ? "unknown" : text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// MediaPipe Python's ms per frame for this clip, written by bench/compare_pose.py as bench/mediapipe_times.json
    /// (`{"clip.mp4": ms}`), when present.
    /// MediaPipe's time per frame on the same clip, from the repository's `bench/` when run there (read only).
    static func mediapipeReference(for file: String) -> Double? {
        let path = "bench/mediapipe_times.json"
        guard let data = FileManager.default.contents(atPath: path),
            let table = try? JSONDecoder().decode([String: Double].self, from: data)
        else { return nil }
        return table[URL(fileURLWithPath: file).lastPathComponent]
    }

    static func append(_ line: String, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
    }
}
