import FootfallCore
import Foundation

/// Floats appended to a file and read back at any offset (pwrite/pread on one descriptor, which is safe to share
/// between threads for reads). The mixer's spool: it keeps memory flat however long the video is.
final class FloatFile: @unchecked Sendable {
    let path: String
    private let fd: Int32
    /// Floats written so far; only the owner appends (before sharing the file for reads).
    private(set) var count = 0
    /// Keeps the workspace folder alive while this file is in use.
    private let workspace: MixWorkspace?

    init(path: String, workspace: MixWorkspace? = nil) throws {
        self.path = path
        self.workspace = workspace
        fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw FootfallError.failure(
                "cannot create the work file '\(path)': \(String(cString: strerror(errno))); check the disk")
        }
    }

    deinit {
        close(fd)
        unlink(path)
    }

    /// Appends `values`; returns the offset (in floats) of the first one.
    @discardableResult
    func append(_ values: [Float]) throws -> Int {
        let offset = count
        try values.withUnsafeBytes { try write($0, at: offset) }
        count += values.count
        return offset
    }

    /// Overwrites from the start: the spool is reused by each limiter pass.
    func truncate() throws {
        guard ftruncate(fd, 0) == 0 else { throw error("truncate") }
        count = 0
    }

    /// `count` floats from `offset`; the part past the end reads as zeros.
    func read(offset: Int, count n: Int) throws -> [Float] {
        var out = [Float](repeating: 0, count: max(n, 0))
        let available = min(n, count - offset)
        guard offset >= 0, available > 0 else { return out }
        try out.withUnsafeMutableBytes { buffer in
            var done = 0
            let bytes = available * MemoryLayout<Float>.size
            while done < bytes {
                let r = pread(fd, buffer.baseAddress! + done, bytes - done, off_t(offset * 4 + done))
                guard r > 0 else { throw error("read") }
                done += r
            }
        }
        return out
    }

    private func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < bytes.count {
            let w = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset * 4 + done))
            guard w > 0 else { throw error("write") }
            done += w
        }
    }

    private func error(_ what: String) -> FootfallError {
        .failure(
            "cannot \(what) the work file '\(path)': \(String(cString: strerror(errno))); "
                + "is the disk full? the mixer needs about 4 GB per hour of video")
    }
}
