import FootfallCore
import Foundation
import Logging
import NIOPosix
import PostgresNIO

/// The render farm's job queue on PostgreSQL (the Oban / river / graphile-worker pattern): jobs are rows, a worker
/// claims one with `FOR UPDATE SKIP LOCKED` and holds a lease it renews by heart-beating; a job whose lease ran out
/// (its worker died) is claimed again by another. One connection per value: queries on it run one at a time, so
/// each worker process (or test claimer) opens its own.
public final class JobQueue: Sendable {
    /// Retries: a failed job runs again after `backoff × 2^(attempt-1)` seconds, up to `maxAttempts` starts, then
    /// it is parked as `failed` with its error text.
    public struct Policy: Sendable {
        public var maxAttempts: Int
        public var backoff: Double
        public init(maxAttempts: Int = 3, backoff: Double = 10) {
            self.maxAttempts = maxAttempts
            self.backoff = backoff
        }
    }

    public let url: QueueURL
    public let policy: Policy
    let connection: PostgresConnection
    let logger: Logger

    /// Connects and creates or migrates the schema. Throws `FootfallError.failure` saying how to check the server
    /// when it cannot be reached (the password is never part of any message).
    public static func connect(_ url: QueueURL, policy: Policy = .init(), logger: Logger) async throws -> JobQueue {
        let configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database,
            tls: .disable)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                id: Int.random(in: 0...Int.max), logger: logger)
        } catch {
            throw FootfallError.failure(
                "cannot reach \(url): is the server running? `pg_isready -h \(url.host) -p \(url.port)` "
                    + "(\(Self.reason(error)))")
        }
        let queue = JobQueue(url: url, policy: policy, connection: connection, logger: logger)
        try await queue.migrate()
        return queue
    }

    init(url: QueueURL, policy: Policy, connection: PostgresConnection, logger: Logger) {
        self.url = url
        self.policy = policy
        self.connection = connection
        self.logger = logger
    }

    public func close() async {
        try? await connection.close()
    }

    /// Runs a statement, turning the driver's error into one line that names the queue and the server's message.
    @discardableResult
    func run(_ query: PostgresQuery, _ what: String) async throws -> PostgresRowSequence {
        do {
            return try await connection.query(query, logger: logger)
        } catch {
            throw FootfallError.failure("the queue at \(url) failed to \(what): \(Self.reason(error))")
        }
    }

    /// The server's own message when there is one (PSQLError's description hides it on purpose).
    static func reason(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            return "\(psql.code)"
        }
        return "\(error)"
    }
}
