import FootfallCore
import Foundation
import MediaIO
import Surface

/// Saves the contact sheet as PNG (MediaIO's writer: temporary file, then rename), or as PPM for a `.ppm` name.
enum SurfaceSheetWriter {
    static func write(_ image: PatchImage, to path: String, inputs: [String]) throws {
        let url = URL(fileURLWithPath: path)
        let target = url.standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs
        where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw FootfallError.usage("the sheet '\(path)' is one of the inputs; choose another path")
        }
        switch url.pathExtension.lowercased() {
        case "png":
            let frame = RGBFrame(index: 0, time: 0, width: image.width, height: image.height, pixels: image.pixels)
            try PNGWriter.write(frame, to: path)
        case "ppm":
            try writePPM(image, to: url)
        default:
            throw FootfallError.usage("contact sheet '\(path)': use a .png (or .ppm) file name")
        }
    }

    private static func writePPM(_ image: PatchImage, to url: URL) throws {
        try TemporaryFiles.shared.writeAtomically(Data(image.ppm), to: url.path)
    }
}
