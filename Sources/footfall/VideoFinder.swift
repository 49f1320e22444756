import FootfallCore
import Foundation

/// Turns the command line's files and folders into the list of videos to render.
enum VideoFinder {
    static let extensions: Set<String> = [
        "mp4", "mov", "m4v", "avi", "mkv", "webm", "mpg", "mpeg", "mts", "m2ts", "3gp",
    ]

    static func expand(_ arguments: [String]) throws -> [String] {
        var result: [String] = []
        let fm = FileManager.default
        for arg in arguments {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: arg, isDirectory: &isDir), isDir.boolValue {
                let names = try fm.contentsOfDirectory(atPath: arg).sorted()
                let videos = names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                if videos.isEmpty {
                    throw FootfallError.badInput(
                        "no videos in folder \(arg) (looked for \(extensions.sorted().joined(separator: ", ")))")
                }
                result += videos.map { (arg as NSString).appendingPathComponent($0) }
            } else {
                result.append(arg)  // missing files are reported per file by the probe, with a "did you mean"
            }
        }
        return result
    }
}
