import PostgresNIO

/// The schema, created and migrated by Footfall: `footfall_schema_version` holds the version applied; each
/// migration runs once, in order, under an advisory lock so workers starting together do not race.
extension JobQueue {
    static let migrations: [String] = [
        """
        CREATE TABLE footfall_jobs (
            id bigserial PRIMARY KEY,
            key text NOT NULL UNIQUE,
            video text NOT NULL,
            output_dir text NOT NULL,
            options text NOT NULL,
            state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
            attempts integer NOT NULL DEFAULT 0,
            max_attempts integer NOT NULL,
            worker text,
            lease_until timestamptz,
            run_after timestamptz NOT NULL DEFAULT now(),
            last_error text,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "CREATE INDEX footfall_jobs_claimable ON footfall_jobs (state, run_after, id)",
        // What a done job's render made (`JobSummary` as JSON), for `batch --wait`'s table.
        "ALTER TABLE footfall_jobs ADD COLUMN summary text",
        // A running job's stage and the fraction of it done (e.g. 'pose', 0.42), written by its worker at most
        // twice a second, for the web page's per-stage progress; cleared when a worker claims the job.
        "ALTER TABLE footfall_jobs ADD COLUMN stage text, ADD COLUMN progress double precision",
    ]

    /// An arbitrary constant naming Footfall's migration lock.
    static let migrationLock: Int64 = 0x466F_6F74_6661_6C6C

    func migrate() async throws {
        try await run("SELECT pg_advisory_lock(\(Self.migrationLock))", "take the migration lock")
        do {
            try await run(
                "CREATE TABLE IF NOT EXISTS footfall_schema_version (version integer NOT NULL)",
                "create footfall_schema_version")
            var current = 0
            for try await version in try await run(
                "SELECT coalesce(max(version), 0) FROM footfall_schema_version", "read the schema version"
            ).decode(Int.self) {
                current = version
            }
            for (index, statement) in Self.migrations.enumerated() where index + 1 > current {
                try await run(PostgresQuery(unsafeSQL: statement), "migrate the schema to version \(index + 1)")
                try await run(
                    "INSERT INTO footfall_schema_version (version) VALUES (\(index + 1))", "record the schema version")
                logger.info("queue schema migrated to version \(index + 1)")
            }
        } catch {
            _ = try? await run("SELECT pg_advisory_unlock(\(Self.migrationLock))", "release the migration lock")
            throw error
        }
        try await run("SELECT pg_advisory_unlock(\(Self.migrationLock))", "release the migration lock")
    }
}

extension JobQueue {
    public static var currentSchemaVersion: Int { migrations.count }

    /// The version recorded in `footfall_schema_version`.
    public func schemaVersion() async throws -> Int {
        for try await version in try await run(
            "SELECT coalesce(max(version), 0) FROM footfall_schema_version", "read the schema version"
        ).decode(Int.self) {
            return version
        }
        return 0
    }
}
