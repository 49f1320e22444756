import ArgumentParser
import FootfallCore
import Foundation
import Pipeline

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML walkthrough of every stage for a video (plots, key frames, timings).",
        discussion: """
            Runs the pipeline without keeping its audio outputs and writes only the report (render --report keeps both).
            Example:
              footfall report walk.mp4 -o walk.report.html
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var settings: RenderSettings

    @Argument(help: "The video.")
    var video: String

    @Option(name: .shortAndLong, help: "Where to write the report (default: <name>.report.html here).")
    var output: String?

    @Flag(help: "Replace an existing report.")
    var force = false

    func run() async throws {
        global.bootstrap()
        InterruptHandler.install()
        try await runReportingErrors {
            let config = try settings.resolvedConfig()
            let name = URL(fileURLWithPath: video).deletingPathExtension().lastPathComponent
            let path = output ?? name + ".report.html"
            if !force, FileManager.default.fileExists(atPath: path) {
                throw FootfallError.usage("'\(path)' already exists; pass --force to replace it")
            }
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
                "footfall-report-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: scratch) }
            let request = RenderRequest(
                video: video, outputDirectory: scratch.path, config: config, force: true, report: path,
                noFallback: settings.noFallback)
            _ = try await RenderPipeline(progress: TerminalProgress(enabled: !global.quiet)).render(request)
            emit("report: \(path)")
        }
    }
}
