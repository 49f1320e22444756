import FootfallCore
import Foundation
import Surface

/// Saves the contact sheet: written to a temporary file beside the target, then renamed.
enum SurfaceSheetWriter {
    static func write(_ image: PatchImage, to path: String, inputs: [String]) throws {
        let url = URL(fileURLWithPath: path)
        let target = url.standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs
        where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw FootfallError.usage("the sheet '\(path)' is the input video; choose another path")
        }
        let bytes: [UInt8]
        switch url.pathExtension.lowercased() {
        case "ppm": bytes = image.ppm
        default:
            throw FootfallError.usage(
                "contact sheets are written as .ppm for now (PNG arrives with MediaIO's PNG writer); use a .ppm name")
        }
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial").path
        guard FileManager.default.createFile(atPath: temp, contents: Data(bytes)) else {
            throw FootfallError.badInput("cannot write '\(path)': check that the folder exists and is writable")
        }
        if rename(temp, path) != 0 {
            unlink(temp)
            throw FootfallError.failure("cannot move the contact sheet into place at '\(path)'")
        }
    }
}
