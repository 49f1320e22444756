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

    /// `render`'s summary table: one row per video with its steps, walkers and render seconds, or why it failed.
    static func table(
        _ keys: [(file: String, key: String)], _ statuses: [String: JobStatus], outputDirectory: String
    ) -> String {
        let rows = keys.map { file, key -> RenderSummary.Row in
            let status = statuses[key]
            switch status?.state {
            case .done:
                return RenderSummary.Row(
                    file: file, summary: status?.summary ?? JobSummary(steps: 0, walkers: 0, seconds: 0))
            case .failed:
                let attempts = status?.attempts ?? 0
                return RenderSummary.Row(
                    file: file,
                    error: (status?.lastError ?? "failed") + " (\(attempts) attempt\(attempts == 1 ? "" : "s"))",
                    exitCode: 1)
            default:
                return RenderSummary.Row(file: file, error: "not finished", exitCode: 1)
            }
        }
        return RenderSummary.table(rows, outputDirectory: outputDirectory)
    }
}
