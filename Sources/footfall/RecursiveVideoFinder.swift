import FootfallCore
import Foundation

/// `batch`'s inputs: files as given, folders searched at every depth for videos (`VideoFinder.extensions`), all as
/// absolute paths, because a worker on another machine reads them from the shared storage.
enum RecursiveVideoFinder {
    static func expand(_ arguments: [String]) throws -> [String] {
        let fm = FileManager.default
        var result: [String] = []
        for argument in arguments {
            let root = URL(fileURLWithPath: argument).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDirectory) else {
                throw FootfallError.badInput("no such file or folder: \(argument)")
            }
            guard isDirectory.boolValue else {
                result.append(root)
                continue
            }
            let found = (fm.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
                .filter { VideoFinder.extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
                .map { (root as NSString).appendingPathComponent($0) }
            if found.isEmpty {
                throw FootfallError.badInput(
                    "no videos in folder \(argument) or below (looked for "
                        + "\(VideoFinder.extensions.sorted().joined(separator: ", ")))")
            }
            result += found
        }
        return result
    }
}
