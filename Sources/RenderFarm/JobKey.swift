import Crypto
import FootfallCore
import Foundation

/// The idempotence key of a job: sha256 of the video's path, size and modification time and the options. The same
/// file with the same options enqueued twice is one job; a changed file (new size or time) or new options is new.
public enum JobKey {
    public static func make(video: String, outputDir: String, options: String) throws -> String {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: video)
        } catch {
            throw FootfallError.badInput(
                "cannot read \(video) to enqueue it: \(error.localizedDescription); inputs must be on storage every "
                    + "worker sees (a shared folder)")
        }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let text = [video, "\(size)", String(format: "%.6f", mtime), outputDir, options].joined(separator: "\u{0}")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
