import FootfallCore
import Foundation
import RenderFarm

/// Follows a batch's jobs until each is done or failed: one line per change (redrawn in place on a TTY) with the
/// counts and which workers hold the running jobs, at which stage.
struct BatchProgress {
    let queue: JobQueue
    let keys: [String]
    let poll: Double

    func follow() async throws -> [String: JobStatus] {
        let isTTY = isatty(STDERR_FILENO) != 0
        var last = ""
        while true {
            let statuses = try await queue.statuses(keys: keys)
            let states = keys.map { statuses[$0]?.state ?? .queued }
            func count(_ s: JobState) -> Int { states.filter { $0 == s }.count }
            // Each running job's worker with the stage it last reported (the stage only: a line per change of
            // fraction would flood a log).
            let workers = Set(
                statuses.values.filter { $0.state == .running }.compactMap { status in
                    status.worker.map { worker in status.stage.map { "\(worker) (\($0))" } ?? worker }
                }
            ).sorted()
            var line = "done \(count(.done))/\(keys.count)  running \(count(.running))  queued \(count(.queued))"
            line += "  failed \(count(.failed))"
            if !workers.isEmpty { line += "  on " + workers.joined(separator: ", ") }
            if line != last {
                FileHandle.standardError.write(Data((isTTY ? "\r\u{1B}[K" + line : line + "\n").utf8))
                last = line
            }
            if count(.done) + count(.failed) == keys.count {
                if isTTY { FileHandle.standardError.write(Data("\n".utf8)) }
                return statuses
            }
            try await Task.sleep(for: .seconds(poll))
        }
    }
}
