import FootfallCore
import Foundation

/// Checks a user-given input path before FFmpeg sees it, with messages that say what to do.
enum InputValidation {
    static func requireReadableFile(_ path: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FootfallError.badInput("no such file: '\(path)'\(nearMissHint(path)); check the path")
        }
        if isDirectory.boolValue {
            throw FootfallError.badInput("'\(path)' is a folder; give the path of a video file inside it")
        }
        guard fm.isReadableFile(atPath: path) else {
            throw FootfallError.badInput("cannot read '\(path)': check its permissions")
        }
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size == 0 {
            throw FootfallError.badInput("'\(path)' is empty (0 bytes): the copy or download may have failed")
        }
    }

    /// " — did you mean 'x'?" for a file in the same folder with a similar name.
    static func nearMissHint(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return "" }
        guard let match = DidYouMean.suggest(url.lastPathComponent, from: names) else { return "" }
        let suggestion = path.contains("/") ? folder.appendingPathComponent(match).path : match
        return " — did you mean '\(suggestion)'?"
    }
}
