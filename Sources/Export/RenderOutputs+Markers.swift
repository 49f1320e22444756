import FootfallCore
import Foundation

extension RenderOutputs {
    /// The marker files a render writes (the plain CSV is the steps command's; the steps JSON has the same data).
    static var markerFormats: [MarkerFormat] { [.audacity, .reaper, .edl] }

    static func writeMarkers(_ markers: [(format: MarkerFormat, path: String)], request: RenderOutputRequest) throws {
        for (format, path) in markers {
            let text = MarkerFormats.write(
                request.document.steps, format: format, frameRate: request.document.video.frameRate,
                title: request.baseName.uppercased())
            try AtomicFile.write(Data(text.utf8), to: path)
        }
    }
}
