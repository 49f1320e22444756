import ArgumentParser
import FootfallCore
import FootfallWeb
import Foundation
import Logging
import RenderFarm

/// `footfall serve`: the browser interface. The server itself lives in FootfallWeb.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web interface: upload a video in a browser, watch it render, play and download the result.",
        discussion: """
            Example:
              footfall serve --port 8080 --data ~/footfall-jobs
              # then open http://127.0.0.1:8080/ (or: curl -F video=@clip.mp4 http://127.0.0.1:8080/api/jobs)

            Each upload becomes a job in its own folder under --data (job.json holds its state), so results survive a
            restart. Render settings come from the config file and environment like 'render'; the page can change
            the backend, surface and seed per job. Listens on 127.0.0.1 unless --host says otherwise: there is no
            login, so only expose it on a network you trust.

            With --queue the jobs render on the render farm: each upload goes into its folder under --storage (a folder
            every worker sees at the same path; default: the --data folder) and its job onto the PostgreSQL queue,
            where `footfall worker`s take it; job states come from the database, so several servers may share the
            same --storage and --queue. Re-rendering from the editor is not available on the queue yet.
              footfall serve --queue postgres://footfall@db.studio.lan/footfall --storage /mnt/shared/footfall-web
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Folder for the jobs (uploads and results).")
    var data = "footfall-web"

    @Option(
        help:
            "JSON config file for the render settings (default: ./footfall.json, then ~/.config/footfall/config.json).")
    var config: String?

    @Option(name: .customLong("max-upload-mb"), help: "Largest upload in megabytes.")
    var maxUploadMB = 500

    @Option(name: .customLong("max-duration"), help: "Longest video in seconds.")
    var maxDuration: Double = 600

    @Option(name: .customLong("renders"), help: "Renders that may run at the same time (the others wait in a queue).")
    var renders = 1

    @Option(name: .customLong("keep-hours"), help: "Delete finished jobs after this many hours.")
    var keepHours: Double = 168

    @Option(help: "Render on the farm: the PostgreSQL queue postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE.")
    var queue: String?

    @Option(help: "With --queue: the folder for uploads and results on storage every worker sees (default: --data).")
    var storage: String?

    func run() async throws {
        global.bootstrap()
        try await runReportingErrors {
            guard maxUploadMB > 0, maxUploadMB <= 1_000_000 else {
                throw FootfallError.usage("--max-upload-mb must be between 1 and 1000000")
            }
            guard storage == nil || queue != nil else {
                throw FootfallError.usage(
                    "--storage is where uploads go for the farm's workers: give --queue too, or leave --storage out")
            }
            let render = try FootfallConfig.load(file: config, environment: DotEnv.environment())
            // Workers read the uploads by path: an absolute one, whatever folder they were started in.
            let folder = URL(fileURLWithPath: storage ?? data).standardizedFileURL.path
            let settings = WebServerConfig(
                host: host, port: port, dataDirectory: folder, maxUploadBytes: maxUploadMB * 1024 * 1024,
                maxDurationSeconds: maxDuration, concurrentRenders: renders, jobRetentionSeconds: keepHours * 3600,
                render: render)
            var farm: JobQueue?
            if let queue {
                let url = try QueueURL(queue)
                farm = try await JobQueue.connect(url, logger: Logger(label: "footfall.web"))
                Logger(label: "footfall.web").info("rendering on the farm queue \(url), storage \(folder)")
            }
            let server = try await WebServer(
                config: settings, renderer: PipelineJobRenderer(), prober: MediaProbeUploadProber(), farm: farm)
            try await server.run()
            await farm?.close()
        }
    }
}
