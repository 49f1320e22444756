import FootfallCore
import FootfallTesting
import Foundation
import RenderFarm
import Testing

extension FarmProcessTests {
    /// `footfall worker --metrics-port` as a real process: one job rendered, one whose video is gone; `/metrics`
    /// scraped over HTTP shows the farm's counts, this worker's render seconds by stage and its failure, and the
    /// worker's log lines (the pipeline's too) carry the job id.
    @Suite struct WorkerMetricsTests {
        @Test(.timeLimit(.minutes(5))) func aWorkerServesItsMetricsAndParksAnUnreadableVideoAtOnce() async throws {
            let fixture = try QueueFixture("metrics")
            let logs = fixture.folder.appendingPathComponent("logs")
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            let clip = fixture.folder.appendingPathComponent("walk.mp4").path
            try SyntheticClip.make(at: clip, width: 160, height: 120, fps: 15, duration: 2)
            let out = fixture.folder.appendingPathComponent("out").path
            var config = FootfallConfig()
            config.backend = "mock"
            let options = String(decoding: try JSONEncoder().encode(config), as: UTF8.self)

            let queue = try await fixture.queue()
            defer { Task { await queue.close() } }
            let (good, _) = try await queue.enqueue(video: clip, outputDir: out, options: options)
            let gone = try fixture.input("gone.mp4")
            let (bad, _) = try await queue.enqueue(video: gone, outputDir: out, options: options)
            try FileManager.default.removeItem(atPath: gone)  // enqueued, then lost before a worker got to it

            let worker = try ChildProcess(
                [
                    "worker", "--queue", fixture.url.description, "--lease", "10", "--metrics-port", "0",
                    "--log-format", "json",
                ], logFolder: logs, label: "worker")
            defer { if worker.process.isRunning { kill(worker.pid, SIGKILL) } }

            var statuses: [String: JobStatus] = [:]
            let deadline = Date().addingTimeInterval(180)
            while Date() < deadline {
                statuses = try await queue.statuses(keys: [good, bad])
                if statuses.values.filter({ $0.state == .done || $0.state == .failed }).count == 2 { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(statuses[good]?.state == .done, "worker: \(worker.output)")
            // Not retried: parked at once, with an error that names the path and says what to do.
            let unreadable = try #require(statuses[bad])
            #expect(unreadable.state == .failed && unreadable.attempts == 1)
            #expect(unreadable.lastError?.contains("cannot read \(gone)") == true)
            #expect(unreadable.lastError?.contains("storage every worker sees") == true)

            let port = try #require(Self.metricsPort(in: worker.output), "no metrics line: \(worker.output)")
            let (body, status) = try await HTTP.get("http://127.0.0.1:\(port)/metrics")
            let text = String(decoding: body, as: UTF8.self)
            #expect(status == 200)
            #expect(prometheusValue(#"footfall_jobs{state="done"}"#, in: text) == 1, "\(text)")
            #expect(prometheusValue(#"footfall_jobs{state="failed"}"#, in: text) == 1)
            #expect(prometheusValue(#"footfall_jobs{state="queued"}"#, in: text) == 0)
            #expect(prometheusValue("footfall_queue_depth", in: text) == 0)
            #expect(prometheusValue("footfall_jobs_rendered_total", in: text) == 1)
            #expect(prometheusValue("footfall_job_failures_total", in: text) == 1)
            #expect(prometheusValue("footfall_job_seconds_count", in: text) == 1)
            for stage in ["probe", "pose", "steps", "sound", "mix", "export"] {
                #expect(
                    prometheusValue(#"footfall_render_seconds_count{stage="\#(stage)"}"#, in: text) == 1, "\(stage)")
            }
            let poseSeconds = try #require(prometheusValue(#"footfall_render_seconds_sum{stage="pose"}"#, in: text))
            #expect(poseSeconds > 0)
            #expect(!text.contains("postgres://"))  // the metrics name no server, let alone its password

            // Every line logged while a job renders names it, the pipeline's own too (pose logs from its own thread).
            let lines = worker.output.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
            for label in ["footfall.render", "footfall.pose", "footfall.export"] {
                let those = lines.filter { ($0["label"] as? String) == label }
                #expect(
                    !those.isEmpty && those.allSatisfy { $0["job"] as? String == "1" }, "\(label): \(worker.output)")
            }
            #expect(lines.contains { ($0["message"] as? String)?.hasPrefix("done in") == true && $0["job"] != nil })

            kill(worker.pid, SIGTERM)
            #expect(worker.finish(timeout: 60) == 0, "\(worker.output)")
            TestFiles.remove(fixture.folder)
        }

        /// The port from the worker's "metrics on http://HOST:PORT/metrics" line.
        static func metricsPort(in log: String) -> Int? {
            let log = log.replacingOccurrences(of: "\\/", with: "/")  // JSON escapes the slashes
            guard
                let range = log.range(
                    of: #"metrics on http://127\.0\.0\.1:[0-9]+/metrics"#, options: .regularExpression)
            else { return nil }
            let match = log[range]
            return Int(match.split(separator: ":").last?.split(separator: "/").first ?? "")
        }
    }
}
