import ArgumentParser
import FootfallCore

@main
struct Footfall: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footfall",
        abstract: "Footstep sound tracks that land on every heel strike.",
        subcommands: [])
}
