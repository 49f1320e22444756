import ArgumentParser
import FootfallCore

@main
struct Footfall: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footfall",
        abstract: "Footstep sound tracks that land on every heel strike.",
        discussion: """
            Typical use:
              footfall render clip.mp4            # writes out/clip.footsteps.{wav,mp4}, out/clip.steps.json, …
              footfall probe clip.mp4 --json      # what the video is (size, rotation, VFR, audio)
              footfall serve                      # web interface on http://127.0.0.1:8080/
            """,
        version: "0.1.0",
        // One per line, so adding a command never conflicts with another.
        subcommands: [
            RenderCommand.self,
            ProbeCommand.self,
            PoseCommand.self,
            StepsCommand.self,
            EvalCommand.self,
            SurfacesCommand.self,
            AuditionCommand.self,
            BackendsCommand.self,
            ReportCommand.self,
            BenchCommand.self,
            ServeCommand.self,
            WorkerCommand.self,
            BatchCommand.self,
        ])
}
