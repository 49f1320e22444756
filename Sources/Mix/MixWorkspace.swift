import FootfallCore
import Foundation

/// A private folder for the mixer's spooled audio (the mix before and after limiting, the footstep sounds),
/// removed when the last value using it goes away. It lives next to the outputs by default: /tmp may be a RAM
/// disk, which would put the memory back.
public final class MixWorkspace: Sendable {
    public let path: String
    /// Registered so an interrupt (Ctrl-C) removes the folder too.
    private let token: TemporaryFiles.Token

    /// - Parameter parent: folder to create it in (the output folder); the system's temporary folder when nil.
    public init(in parent: String? = nil) throws {
        let base = parent ?? NSTemporaryDirectory()
        let name = ".footfall-mix-\(UInt64.random(in: 0...UInt64.max))"
        path = URL(fileURLWithPath: base).appendingPathComponent(name).path
        token = TemporaryFiles.shared.register(path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            TemporaryFiles.shared.unregister(token)
            throw FootfallError.failure(
                "cannot create the mixer's work folder in '\(base)': \(error.localizedDescription); "
                    + "check that the folder is writable and the disk is not full")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
        TemporaryFiles.shared.unregister(token)
    }

    /// A new file name inside the workspace.
    func file(_ name: String) -> String { URL(fileURLWithPath: path).appendingPathComponent(name).path }
}
