import FootfallTesting
import Foundation
import Logging
import RenderFarm

/// A fresh database in the test process's PostgreSQL cluster, and real video-sized files to enqueue.
struct QueueFixture {
    let url: QueueURL
    let folder: URL
    let logger = Logger(label: "test.renderfarm")

    init(_ label: String) throws {
        url = try QueueURL(TestPostgres.freshDatabase(label))
        folder = try TestFiles.temporaryDirectory(label)
    }

    func queue(_ policy: JobQueue.Policy = .init()) async throws -> JobQueue {
        try await JobQueue.connect(url, policy: policy, logger: logger)
    }

    /// A file to enqueue (the queue only reads its size and modification time).
    func input(_ name: String, bytes: Int = 100) throws -> String {
        try TestFiles.write(TestFiles.randomBytes(count: bytes), named: name, in: folder)
    }
}
