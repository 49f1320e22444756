import ArgumentParser
import FootfallCore
import Foundation
import MediaIO

struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Show what a video is: container, codecs, size, rotation, frame rate (and whether it varies), audio.",
        discussion: """
            Example:
              footfall probe phone.mov          # human-readable
              footfall probe phone.mov --json   # for scripts
            Exits with 2 and says what to do when the file cannot be used.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The video file.")
    var video: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        global.bootstrap()
        try await runReportingErrors {
            let info = try MediaProbe.probe(video)
            if json {
                let e = JSONEncoder()
                e.outputFormatting = [.prettyPrinted, .sortedKeys]
                emit(String(decoding: try e.encode(info), as: UTF8.self))
            } else {
                emit(Self.describe(info))
            }
        }
    }

    static func describe(_ info: VideoInfo) -> String {
        var lines = [
            "file        \(info.path)",
            "container   \(info.container)",
            "video       \(info.videoCodec), \(info.codedWidth)×\(info.codedHeight)"
                + (info.rotation != 0 ? " rotated \(info.rotation)° → upright \(info.width)×\(info.height)" : ""),
            "frame rate  " + String(format: "%.3f fps", info.frameRate)
                + (info.isVariableFrameRate ? " (variable: timestamps are used, not frame counts)" : " (constant)"),
            "duration    " + String(format: "%.3f s, %d frames", info.duration, info.frameCount),
        ]
        if info.audioStreams.isEmpty {
            lines.append("audio       none")
        } else {
            for a in info.audioStreams {
                lines.append(
                    "audio       #\(a.index) \(a.codec), \(a.sampleRate) Hz, \(a.channels) ch, "
                        + String(format: "%.3f s", a.duration))
            }
        }
        return lines.joined(separator: "\n")
    }
}
