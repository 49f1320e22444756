import FootfallCore
import Foundation

extension RenderOutputs {
    static let creditsSuffix = ".credits.txt"

    /// `<name>.credits.txt`: which recordings the sound track uses, their authors, sources and licences.
    static func writeCredits(_ plan: Plan, request: RenderOutputRequest) throws {
        guard let path = plan.credits, let text = request.credits else { return }
        try AtomicFile.write(Data(text.utf8), to: path)
    }

    /// A forced re-render without recordings would leave the previous render's credits behind, looking current
    /// (and naming licences the new sound track no longer carries).
    static func removeStaleCredits(_ plan: Plan, request: RenderOutputRequest) {
        guard plan.credits == nil else { return }
        let path = URL(fileURLWithPath: request.folder).appendingPathComponent(request.baseName + creditsSuffix).path
        guard FileManager.default.fileExists(atPath: path),
            AtomicFile.canonical(path) != AtomicFile.canonical(request.sourceVideo)
        else { return }
        logger.info("removing the stale credits \(path) (this render uses no recordings)")
        try? FileManager.default.removeItem(atPath: path)
    }
}
