import ArgumentParser
import FootfallCore
import Foundation
import Logging
import RenderFarm

struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Put videos (or folders of them, at any depth) on the render farm's queue.",
        discussion: """
            Each video becomes one job with the render options given here; the same video with the same options
            enqueued again is not rendered again. Paths must be on storage every worker sees. With --wait it
            follows the jobs until they end and exits 0 only when every one succeeded.
            Example:
              footfall batch /mnt/projects/reel/ --queue postgres://footfall@db.studio.lan/footfall -o /mnt/projects/out --wait
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var settings: RenderSettings

    @Argument(help: "Video files or folders of videos.")
    var videos: [String]

    @Option(help: "The queue: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
    var queue: String

    @Option(name: .shortAndLong, help: "Output folder (on storage every worker sees).")
    var output: String

    @Flag(help: "Follow the jobs until they are done or failed.")
    var wait = false

    @Option(help: .hidden)
    var poll: Double = 1

    func run() async throws {
        global.bootstrap()
        try await runReportingErrors {
            let url = try QueueURL(queue)
            let config = try settings.resolvedConfig()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]  // the same options always give the same job key
            let options = String(decoding: try encoder.encode(config), as: UTF8.self)
            let files = try RecursiveVideoFinder.expand(videos)
            let outDir = URL(fileURLWithPath: output).standardizedFileURL.path
            let logger = Logger(label: "footfall.batch")
            let jobs = try await JobQueue.connect(url, logger: logger)
            var keys: [(file: String, key: String)] = []
            var added = 0
            for file in files {
                let (key, new) = try await jobs.enqueue(video: file, outputDir: outDir, options: options)
                keys.append((file, key))
                if new { added += 1 }
            }
            emit("enqueued \(added) of \(files.count) videos on \(url) (\(files.count - added) already there)")
            guard wait else {
                await jobs.close()
                return
            }
            let statuses = try await BatchProgress(queue: jobs, keys: keys.map(\.key), poll: poll).follow()
            await jobs.close()
            emit(Self.table(keys, statuses, outputDirectory: outDir))
            if keys.contains(where: { statuses[$0.key]?.state != .done }) { throw ExitCode(1) }
        }
    }

    static func table(
        _ keys: [(file: String, key: String)], _ statuses: [String: JobStatus], outputDirectory: String
    ) -> String {
        let width = min(max(keys.map { ($0.file as NSString).lastPathComponent.count }.max() ?? 5, 5), 40)
        var lines = ["video".padding(toLength: width, withPad: " ", startingAt: 0) + "  status  attempts"]
        for (file, key) in keys {
            let status = statuses[key]
            var line = (file as NSString).lastPathComponent.padding(toLength: width, withPad: " ", startingAt: 0)
            line += "  " + (status?.state.rawValue ?? "?").padding(toLength: 6, withPad: " ", startingAt: 0)
            line += String(format: "  %8d", status?.attempts ?? 0)
            if status?.state == .failed, let error = status?.lastError { line += "  " + error }
            lines.append(line)
        }
        let done = keys.filter { statuses[$0.key]?.state == .done }.count
        lines.append("\(done) of \(keys.count) rendered into \(outputDirectory)/")
        return lines.joined(separator: "\n")
    }
}
