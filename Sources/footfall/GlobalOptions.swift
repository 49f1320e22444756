import ArgumentParser
import FootfallCore
import Logging

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log more (debug level).")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Log only warnings and errors.")
    var quiet = false

    @Option(name: .customLong("log-format"), help: "Log line format: text or json.")
    var logFormat: LogFormatArgument = .text

    var level: Logger.Level { verbose ? .debug : quiet ? .warning : .info }

    func bootstrap() {
        LogSetup.bootstrap(level: level, format: logFormat.format)
    }
}

struct LogFormatArgument: ExpressibleByArgument {
    let format: LogFormat
    static let text = LogFormatArgument(format: .text)

    init?(argument: String) {
        guard let f = LogFormat(rawValue: argument.lowercased()) else { return nil }
        format = f
    }

    init(format: LogFormat) { self.format = format }

    static var allValueStrings: [String] { LogFormat.allCases.map(\.rawValue) }

    /// What `--help` shows as the default.
    var defaultValueDescription: String { format.rawValue }
}
