import ArgumentParser
import FootfallCore
import Foundation
import Sound

struct BackendsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backends",
        abstract: "List the sound backends and whether each can run now.",
        discussion: """
            Availability depends on your setup: 'recorded' (the default) needs the recordings 'make setup' installs
            (listed per surface with their licences; without them renders use 'procedural'), 'samples' needs a
            folder of recordings (--samples-dir DIR or samples_dir in footfall.json), 'runpod' needs RUNPOD_API_KEY
            (environment or .env).
              footfall backends
              footfall backends --samples-dir ~/footsteps --json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "JSON config file (default: ./footfall.json, then ~/.config/footfall/config.json).")
    var config: String?

    @Option(name: .customLong("samples-dir"), help: "Folder of recordings for the samples backend.")
    var samplesDir: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        global.bootstrap()
        try await runReportingErrors {
            let environment = DotEnv.environment()
            var settings = try FootfallConfig.load(file: config, environment: environment)
            if let samplesDir { settings.samplesDir = samplesDir }
            let listing = SoundBackendRegistry.listing(config: BackendConfig(settings, environment: environment))
            emit(json ? try Self.json(listing) : Self.table(listing))
        }
    }

    static func table(_ listing: [BackendListing]) -> String {
        let width = (listing.map(\.name.count).max() ?? 0) + 2
        return listing.map { row in
            let name = row.name + (row.isDefault ? "*" : "")
            let padded = name.padding(toLength: max(width, name.count + 1), withPad: " ", startingAt: 0)
            let indent = String(repeating: " ", count: width)
            let has = row.inventory.map { "\n\(indent)  has: \($0)" } ?? ""
            switch row.availability {
            case .ready: return "\(padded)ready        \(row.summary)\(has)"
            case .unavailable(let reason):
                return "\(padded)unavailable  \(row.summary)\n\(indent)  → \(reason)\(has)"
            }
        }.joined(separator: "\n") + "\n(* default)"
    }

    static func json(_ listing: [BackendListing]) throws -> String {
        struct Row: Encodable {
            var name: String
            var summary: String
            var available: Bool
            var reason: String?
            var isDefault: Bool
            var inventory: String?
            enum CodingKeys: String, CodingKey {
                case name, summary, available, reason, inventory
                case isDefault = "is_default"
            }
        }
        let rows = listing.map { row -> Row in
            var reason: String?
            if case .unavailable(let why) = row.availability { reason = why }
            return Row(
                name: row.name, summary: row.summary, available: reason == nil, reason: reason,
                isDefault: row.isDefault, inventory: row.inventory)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }
}
