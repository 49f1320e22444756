import FootfallCore
import Foundation
import MediaIO
import Mix

extension RenderOutputs {
    /// The stem WAVs of `plan` as work to run now (`write`) or later (`deferStems`): one Broadcast WAV per walker and
    /// foot, read a block at a time from the mixer's spooled sounds.
    static func stemWriter(_ plan: Plan, request: RenderOutputRequest) -> DeferredOutputs? {
        guard let stems = request.stems, !plan.stems.isEmpty else { return nil }
        let format = request.options.wavFormat
        let files = plan.stems.map {
            (key: $0.key, path: $0.path, info: broadcastInfo(request, what: "stem \($0.key)"))
        }
        return DeferredOutputs(paths: files.map(\.path)) { isCancelled in
            let started = Date()
            for file in files {
                if isCancelled() { throw CancellationError() }
                try WAVWriter.write(stems.source(file.key), to: file.path, format: format, broadcast: file.info)
            }
            logger.debug(
                "wrote \(files.count) stems",
                metadata: ["seconds": "\(String(format: "%.2f", Date().timeIntervalSince(started)))"])
        }
    }
}
