import Foundation

/// Every temporary file or folder the process has made and not yet renamed or removed, so an interrupt (Ctrl-C,
/// SIGTERM) can remove them before exiting. Thread-safe; one shared instance.
///
/// Register a path before creating it, unregister it once it is gone or renamed:
///
///     let token = TemporaryFiles.shared.register(folder)      // a file or a folder (removed with its contents)
///     defer { TemporaryFiles.shared.unregister(token) }
///     try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
///     …
///     try? FileManager.default.removeItem(atPath: folder)
///
/// A temporary file that becomes an output goes through `commit(_:to:)`, which renames it and, inside a render
/// tracked by `PartialOutputs`, keeps the new output registered until the render finishes.
public final class TemporaryFiles: @unchecked Sendable {
    public static let shared = TemporaryFiles()

    /// Identifies one registration.
    public struct Token: Hashable, Sendable {
        let id: UInt64
    }

    enum Kind {
        /// A file, or a folder removed with everything in it.
        case path
        /// A folder removed only when empty (an output folder a render created).
        case emptyFolder
    }

    struct Entry {
        var path: String
        var kind: Kind
    }

    // An NSLock rather than a Mutex: `removeAllAndBlock` keeps it locked on purpose until the process exits.
    private let lock = NSLock()
    private var entries: [Token: Entry] = [:]
    private var nextID: UInt64 = 0

    public init() {}

    /// Registers `path` (a file, or a folder removed with its contents) to be removed if the process is interrupted.
    /// Call it before creating the file, so there is no moment when it exists unregistered.
    public func register(_ path: String) -> Token {
        locked { add(Entry(path: path, kind: .path)) }
    }

    /// Forgets `token` (its file was renamed into place or removed). Unknown tokens are ignored.
    public func unregister(_ token: Token) {
        locked { _ = entries.removeValue(forKey: token) }
    }

    /// The registered paths (for tests and diagnostics).
    public var paths: [String] { locked { entries.values.map(\.path).sorted() } }

    /// A temporary name next to `finalPath`: `.<name>.partial-<random>[.<ext>]` (the extension is kept, so FFmpeg and
    /// libsndfile pick the same format from it).
    public static func temporaryPath(for finalPath: String) -> String {
        let url = URL(fileURLWithPath: finalPath)
        let ext = url.pathExtension
        let name = ".\(url.deletingPathExtension().lastPathComponent).partial-\(UInt32.random(in: 0...UInt32.max))"
        return url.deletingLastPathComponent().appendingPathComponent(ext.isEmpty ? name : "\(name).\(ext)").path
    }

    /// Renames the temporary file of `token` to `finalPath` and unregisters it. The rename and the bookkeeping happen
    /// under one lock, so an interrupt sees either the temporary file or the finished output, never neither. When
    /// `finalPath` is new and a `PartialOutputs` scope is active, the output stays registered until the scope ends
    /// (pass `isOutput: false` for files that are not part of the render's result, e.g. a cache). On failure the
    /// temporary file is removed.
    public func commit(_ token: Token, to finalPath: String, isOutput: Bool = true) throws {
        let scope = isOutput ? PartialOutputs.current : nil
        let failure: String? = locked {
            guard let entry = entries.removeValue(forKey: token) else { return "it was not registered" }
            let isNew = access(finalPath, F_OK) != 0
            if Self.isStream(finalPath) {
                // A device or pipe takes the bytes; the node itself must stay.
                defer { unlink(entry.path) }
                guard let data = FileManager.default.contents(atPath: entry.path),
                    let handle = FileHandle(forWritingAtPath: finalPath)
                else { return "cannot copy the finished file into it" }
                defer { try? handle.close() }
                do { try handle.write(contentsOf: data) } catch { return error.localizedDescription }
                return nil
            }
            if rename(entry.path, finalPath) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(entry.path)
                return reason
            }
            if isNew, let scope { scope.record(add(Entry(path: finalPath, kind: .path))) }
            return nil
        }
        if let failure {
            throw FootfallError.failure("cannot move the finished file to '\(finalPath)': \(failure)")
        }
    }

    /// Writes `data` to `path` through a registered temporary file in the same folder, renamed into place when
    /// complete (so nobody ever sees half a file under the final name, and an interrupt leaves no temporary file).
    public func writeAtomically(_ data: Data, to path: String, isOutput: Bool = true) throws {
        if Self.isStream(path) {
            // /dev/null, a named pipe, a terminal: renaming a file onto it would replace the device node.
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw FootfallError.failure("cannot open '\(path)' for writing; check its permissions")
            }
            defer { try? handle.close() }
            do {
                try handle.write(contentsOf: data)
            } catch {
                throw FootfallError.failure("cannot write to '\(path)': \(error.localizedDescription)")
            }
            return
        }
        let temporary = Self.temporaryPath(for: path)
        let token = register(temporary)
        do {
            // Not `.atomic`: Foundation would write through a temporary file of its own, unregistered.
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            unlink(temporary)
            unregister(token)
            throw FootfallError.failure(
                "cannot write '\(path)': \(error.localizedDescription); check that the folder exists and is writable")
        }
        try commit(token, to: path, isOutput: isOutput)
    }

    /// Whether `path` is a device, a pipe or a socket (written in place, never replaced): not a file's data.
    public static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFCHR || type == S_IFIFO || type == S_IFSOCK || type == S_IFBLK
    }

    /// Removes every registered path now and forgets them; returns how many existed.
    @discardableResult
    public func removeAll() -> Int {
        locked {
            let removed = removeEntries()
            entries.removeAll()
            return removed
        }
    }

    /// For the interrupt handler, right before exiting: removes every registered path, waits `settle` seconds (a
    /// writer that registered a file just before may still be creating it), removes them again, and returns with the
    /// registry still locked, so no other thread can register, commit or rename anything until the process exits.
    /// Returns how many paths existed.
    public func removeAllAndBlock(settle: TimeInterval = 0.1) -> Int {
        lock.lock()
        let removed = removeEntries()
        Thread.sleep(forTimeInterval: settle)
        _ = removeEntries()
        return removed
    }

    func add(_ entry: Entry) -> Token {
        nextID += 1
        let token = Token(id: nextID)
        entries[token] = entry
        return token
    }

    /// Registers a folder that is removed only if empty (after the files in it). Caller holds no lock.
    func registerEmptyFolder(_ path: String) -> Token {
        locked { add(Entry(path: path, kind: .emptyFolder)) }
    }

    /// Removes the paths of `tokens` and forgets them (a failed render's new outputs); returns how many existed.
    @discardableResult
    func remove(_ tokens: [Token]) -> Int {
        locked {
            let chosen = tokens.compactMap { entries.removeValue(forKey: $0) }
            return Self.remove(chosen)
        }
    }

    private func removeEntries() -> Int { Self.remove(Array(entries.values)) }

    /// Files and folders first, then the folders that must be empty, deepest first.
    private static func remove(_ list: [Entry]) -> Int {
        var removed = 0
        for entry in list where entry.kind == .path {
            if access(entry.path, F_OK) == 0 {
                removed += 1
                if unlink(entry.path) != 0 { try? FileManager.default.removeItem(atPath: entry.path) }
            }
        }
        let folders = list.filter { $0.kind == .emptyFolder }.map(\.path).sorted { $0.count > $1.count }
        for folder in folders where rmdir(folder) == 0 { removed += 1 }
        return removed
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
