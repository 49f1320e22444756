import FootfallCore
import FootfallTesting
import Foundation
import Testing

@testable import RenderFarm

@Suite struct JobQueueTests {
    @Test func aClaimedJobIsReclaimedWhenItsLeaseExpires() async throws {
        let fixture = try QueueFixture("lease")
        let queue = try await fixture.queue()
        defer { Task { await queue.close() } }
        try await queue.enqueue(video: fixture.input("a.mp4"), outputDir: fixture.folder.path, options: "{}")

        // Leases of many seconds: on a loaded CI machine (the whole suite on two cores) a round trip to the
        // database has taken several.
        let first = try #require(try await queue.claim(worker: "w1", lease: 20))
        #expect(first.attempts == 1)
        #expect(try await queue.claim(worker: "w2", lease: 20) == nil)  // leased: nobody else gets it
        #expect(try await queue.heartbeat(first, worker: "w1", lease: 20))
        try await Task.sleep(for: .seconds(21))  // w1 "dies": no heartbeat

        let again = try #require(try await queue.claim(worker: "w2", lease: 30))
        #expect(again.id == first.id)
        #expect(again.attempts == 2)
        // The dead worker's late calls change nothing: the job is w2's now.
        #expect(try await queue.heartbeat(first, worker: "w1", lease: 1) == false)
        #expect(try await queue.complete(first, worker: "w1") == false)
        #expect(try await queue.complete(again, worker: "w2"))
        #expect(try await queue.counts()[.done] == 1)
    }

    @Test func twoConcurrentClaimersNeverGetTheSameJob() async throws {
        let fixture = try QueueFixture("skiplocked")
        let setup = try await fixture.queue()
        for i in 0..<40 {
            try await setup.enqueue(video: fixture.input("v\(i).mp4"), outputDir: fixture.folder.path, options: "{}")
        }
        await setup.close()
        let a = try await fixture.queue()
        let b = try await fixture.queue()
        func drain(_ queue: JobQueue, _ name: String) async throws -> [Int64] {
            var ids: [Int64] = []
            while let job = try await queue.claim(worker: name, lease: 60) { ids.append(job.id) }
            return ids
        }
        async let fromA = drain(a, "a")
        async let fromB = drain(b, "b")
        let (idsA, idsB) = try await (fromA, fromB)
        await a.close()
        await b.close()
        #expect(Set(idsA).isDisjoint(with: idsB))
        #expect(idsA.count + idsB.count == 40)
        #expect(Set(idsA + idsB).count == 40)
    }

    @Test func enqueuingTheSameVideoAndOptionsTwiceIsOneJob() async throws {
        let fixture = try QueueFixture("idempotent")
        let queue = try await fixture.queue()
        defer { Task { await queue.close() } }
        let video = try fixture.input("same.mp4")
        let first = try await queue.enqueue(video: video, outputDir: fixture.folder.path, options: #"{"seed":1}"#)
        let second = try await queue.enqueue(video: video, outputDir: fixture.folder.path, options: #"{"seed":1}"#)
        #expect(first.new && !second.new)
        #expect(first.key == second.key)
        let otherOptions = try await queue.enqueue(
            video: video, outputDir: fixture.folder.path, options: #"{"seed":2}"#)
        #expect(otherOptions.new)
        // A changed file (new size) is new work.
        try Data(TestFiles.randomBytes(count: 300)).write(to: URL(fileURLWithPath: video))
        #expect(try await queue.enqueue(video: video, outputDir: fixture.folder.path, options: #"{"seed":1}"#).new)
        #expect(try await queue.counts()[.queued] == 3)
    }

    @Test func aFailingJobIsRetriedWithBackoffThenParkedAsFailed() async throws {
        let fixture = try QueueFixture("retries")
        let queue = try await fixture.queue(.init(maxAttempts: 3, backoff: 3))
        defer { Task { await queue.close() } }
        let (key, _) = try await queue.enqueue(
            video: fixture.input("bad.mp4"), outputDir: fixture.folder.path, options: "{}")

        var early: QueuedJob?
        for attempt in 1...3 {
            var job = early
            let deadline = Date().addingTimeInterval(60)
            while job == nil, Date() < deadline {
                job = try await queue.claim(worker: "w", lease: 30)
                if job == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            let claimed = try #require(job)
            #expect(claimed.attempts == attempt)
            let failedAt = Date()
            #expect(try await queue.fail(claimed, worker: "w", error: "decoder said: attempt \(attempt)"))
            if attempt < 3 {
                // Backed off: not runnable at once.
                early = try await queue.claim(worker: "w", lease: 30)
                // Only meaningful while the backoff (3 s, then 6 s) cannot have run out yet; on a loaded machine
                // it may have, and then the job claimed here is the next attempt.
                if Date().timeIntervalSince(failedAt) < 3 { #expect(early == nil) }
            }
        }
        let status = try #require(try await queue.statuses(keys: [key])[key])
        #expect(status.state == .failed)
        #expect(status.attempts == 3)
        #expect(status.lastError == "decoder said: attempt 3")
        #expect(try await queue.claim(worker: "w", lease: 30) == nil)
        #expect(try await queue.counts() == [.queued: 0, .running: 0, .done: 0, .failed: 1])
    }

    @Test func aDoneJobKeepsWhatItsRenderMadeAndAPermanentFailureIsNotRetried() async throws {
        let fixture = try QueueFixture("summary")
        let queue = try await fixture.queue(.init(maxAttempts: 3, backoff: 0))
        defer { Task { await queue.close() } }
        let (good, _) = try await queue.enqueue(
            video: fixture.input("a.mp4"), outputDir: fixture.folder.path, options: "{}")
        let (bad, _) = try await queue.enqueue(
            video: fixture.input("b.mp4"), outputDir: fixture.folder.path, options: "{}")
        let first = try #require(try await queue.claim(worker: "w", lease: 30))
        let second = try #require(try await queue.claim(worker: "w", lease: 30))
        let summary = JobSummary(steps: 12, walkers: 2, seconds: 3.5, licence: "CC BY 4.0", credits: "a.credits.txt")
        #expect(try await queue.complete(first, worker: "w", summary: summary))
        #expect(try await queue.fail(second, worker: "w", error: "cannot read b.mp4", permanent: true))
        let statuses = try await queue.statuses(keys: [good, bad])
        #expect(statuses[good]?.summary == summary)
        #expect(statuses[bad]?.state == .failed && statuses[bad]?.attempts == 1)
        #expect(try await queue.claim(worker: "w", lease: 30) == nil)  // no backoff to wait for: parked
    }

    @Test func aRunningJobsStageAndProgressAreWrittenByItsWorkerAndReadBack() async throws {
        let fixture = try QueueFixture("progress")
        let queue = try await fixture.queue()
        defer { Task { await queue.close() } }
        let (key, _) = try await queue.enqueue(
            video: fixture.input("p.mp4"), outputDir: fixture.folder.path, options: "{}")
        let job = try #require(try await queue.claim(worker: "w", lease: 30))
        #expect(try await queue.statuses(keys: [key])[key]?.stage == nil)  // nothing reported yet

        #expect(try await queue.report(job, worker: "w", stage: "pose", fraction: 0.42))
        var status = try #require(try await queue.statuses(keys: [key])[key])
        #expect(status.state == .running && status.stage == "pose" && status.progress == 0.42)
        // Only the worker holding the job writes its progress.
        #expect(try await queue.report(job, worker: "other", stage: "mix", fraction: 0.9) == false)
        #expect(try await queue.statuses(keys: [key])[key]?.stage == "pose")
        // A fraction out of range is clamped.
        #expect(try await queue.report(job, worker: "w", stage: "sound", fraction: 7))
        #expect(try await queue.statuses(keys: [key])[key]?.progress == 1)

        // A finished job has no stage any more.
        #expect(try await queue.complete(job, worker: "w"))
        status = try #require(try await queue.statuses(keys: [key])[key])
        #expect(status.state == .done && status.stage == nil && status.progress == nil)
    }

    @Test func aVersion3QueueIsMigratedToVersion4AndKeepsItsJobs() async throws {
        let fixture = try QueueFixture("migratev3")
        let setup = try await fixture.queue()
        let (key, _) = try await setup.enqueue(
            video: fixture.input("old.mp4"), outputDir: fixture.folder.path, options: "{}")
        // Back to what a Footfall of schema version 3 left: no stage or progress columns.
        try await setup.run("ALTER TABLE footfall_jobs DROP COLUMN stage, DROP COLUMN progress", "go back to v3")
        try await setup.run("DELETE FROM footfall_schema_version WHERE version > 3", "go back to v3")
        #expect(try await setup.schemaVersion() == 3)
        await setup.close()

        let queue = try await fixture.queue()
        defer { Task { await queue.close() } }
        #expect(try await queue.schemaVersion() == 4 && JobQueue.currentSchemaVersion == 4)
        let job = try #require(try await queue.claim(worker: "w", lease: 30))
        #expect(try await queue.report(job, worker: "w", stage: "steps", fraction: 0.5))
        let status = try #require(try await queue.statuses(keys: [key])[key])
        #expect(status.state == .running && status.stage == "steps" && status.progress == 0.5)
    }

    @Test(.timeLimit(.minutes(2))) func aWorkerWritesWhatItsRenderReportsToTheRow() async throws {
        let fixture = try QueueFixture("workerprogress")
        let setup = try await fixture.queue()
        defer { Task { await setup.close() } }
        let (key, _) = try await setup.enqueue(
            video: fixture.input("w.mp4"), outputDir: fixture.folder.path, options: "{}")
        let jobs = try await fixture.queue()
        defer { Task { await jobs.close() } }
        let stop = StopSignal()
        // The render reports a stage, then waits until a reader on another connection sees it in the row.
        let worker = FarmWorker(queue: jobs, name: "w", lease: 30, logger: fixture.logger) { _, _, progress in
            progress.update(stage: "pose", fraction: 0.25)
            progress.update(stage: "pose", fraction: 0.42)
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, try await setup.statuses(keys: [key])[key]?.progress != 0.42 {
                try await Task.sleep(for: .milliseconds(100))
            }
            let seen = try await setup.statuses(keys: [key])[key]
            #expect(
                seen?.state == .running && seen?.stage == "pose" && seen?.progress == 0.42,
                "\(String(describing: seen))")
            stop.raise()
            return RenderedJob(summary: JobSummary(steps: 0, walkers: 0, seconds: 0), stages: [])
        }
        try await worker.run(until: stop)
        let status = try #require(try await setup.statuses(keys: [key])[key])
        #expect(status.state == .done && status.stage == nil)
    }

    @Test func anUnreachableServerSaysHowToCheckItAndHidesThePassword() async throws {
        let port = try TestPostgres.shared().port + 1  // nothing listens next to the test cluster, as a rule
        let url = try QueueURL("postgres://farm:s3cret@127.0.0.1:\(port)/jobs")
        do {
            _ = try await JobQueue.connect(url, logger: .init(label: "test"))
            Issue.record("connected to a port nobody listens on")
        } catch let error as FootfallError {
            #expect(error.description.hasPrefix("cannot reach postgres://farm@127.0.0.1:\(port)/jobs: is the server"))
            #expect(error.description.contains("pg_isready -h 127.0.0.1 -p \(port)"))
            #expect(!error.description.contains("s3cret"))
        }
    }

    @Test func theSchemaIsVersionedAndMigratingTwiceChangesNothing() async throws {
        let fixture = try QueueFixture("schema")
        let one = try await fixture.queue()
        try await one.enqueue(video: fixture.input("k.mp4"), outputDir: fixture.folder.path, options: "{}")
        await one.close()
        let two = try await fixture.queue()  // migrates again: the job survives, no error
        #expect(try await two.counts()[.queued] == 1)
        #expect(try await two.schemaVersion() == JobQueue.currentSchemaVersion)
        await two.close()
    }
}
