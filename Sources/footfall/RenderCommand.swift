import ArgumentParser
import FootfallCore
import Foundation
import Logging
import Pipeline

struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render footsteps for one or more videos (or a folder of videos).",
        discussion: """
            Writes into the output folder (default out/): <name>.footsteps.wav, <name>.footsteps.mp4,
            <name>.steps.json, stems/ and DAW markers. Existing outputs are kept unless --force.
            Examples:
              footfall render walk.mp4
              footfall render clips/ -o renders --backend samples --force
              footfall render walk.mp4 --steps out/walk.steps.json --seed 7   # re-render edited steps
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var settings: RenderSettings

    @Argument(help: "Video files or folders of videos.")
    var videos: [String]

    @Option(name: .shortAndLong, help: "Output folder (default: out, or 'output' from the config).")
    var output: String?

    @Option(help: "Render the steps of this steps JSON instead of detecting them (one video only).")
    var steps: String?

    @Flag(help: "Overwrite existing outputs.")
    var force = false

    @Option(help: "Also write a video with skeletons and a flash on each heel strike.")
    var overlay: String?

    @Flag(help: "Also write <name>.report.html: a walkthrough of every stage with plots.")
    var report = false

    @Flag(help: "Show the time each stage took.")
    var timings = false

    func validate() throws {
        if steps != nil, videos.count > 1 {
            throw ValidationError("--steps renders one video; give one VIDEO with it")
        }
        if overlay != nil, videos.count > 1 {
            throw ValidationError("--overlay writes one file; give one VIDEO with it")
        }
    }

    func run() async throws {
        global.bootstrap()
        InterruptHandler.install()
        try await runReportingErrors {
            let config = try settings.resolvedConfig()
            let files = try VideoFinder.expand(videos)
            let outDir = output ?? config.output
            let progress = TerminalProgress(enabled: !global.quiet)
            var rows: [RenderSummary.Row] = []
            for file in files {
                let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                let request = RenderRequest(
                    video: file, outputDirectory: outDir, config: config, stepsFile: steps, force: force,
                    overlay: overlay,
                    report: report ? (outDir as NSString).appendingPathComponent(name + ".report.html") : nil,
                    noFallback: settings.noFallback)
                do {
                    // An interrupted or failed render removes the files it had created (a whole set or nothing).
                    let folders = [outDir, (outDir as NSString).appendingPathComponent("stems")]
                    let result = try await PartialOutputs.tracking(folders: folders) {
                        try await RenderPipeline(progress: progress).render(request)
                    }
                    for w in result.warnings { Logger(label: "footfall.render").warning("\(w)") }
                    if timings { emit(result.timings.table(mediaDuration: result.video.duration)) }
                    rows.append(.init(file: file, result: result))
                } catch let error as FootfallError {
                    rows.append(.init(file: file, error: error.description, exitCode: error.exitCode))
                } catch {
                    rows.append(.init(file: file, error: "\(error)", exitCode: 1))
                }
            }
            emit(RenderSummary.table(rows, outputDirectory: outDir))
            let worst = rows.map(\.exitCode).max() ?? 0
            if worst != 0 {
                if files.count == 1, let e = rows.first?.error { emitError(e) }
                throw ExitCode(worst)
            }
        }
    }
}
