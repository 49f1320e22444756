import Foundation

/// A throw-away PostgreSQL cluster for tests: `initdb` into a temporary folder, `pg_ctl start` on a free loopback
/// port with trust authentication, one per test process (`TestPostgres.shared()`), stopped and removed when the
/// process exits. Debian's `postgresql` package provides the binaries (`make setup` installs it); nothing is
/// configured on the machine's own server.
///
/// PostgreSQL refuses to run as root, so under root the binaries run as the `postgres` user (`runuser`), with the
/// temporary folder handed to that user.
public final class TestPostgres: Sendable {
    public let host = "127.0.0.1"
    public let port: Int
    public let user = "postgres"
    public let folder: String
    let binaries: String

    /// `postgres://postgres@127.0.0.1:PORT/DATABASE`.
    public func url(database: String = "postgres") -> String { "postgres://\(user)@\(host):\(port)/\(database)" }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var instance: TestPostgres?
    nonisolated(unsafe) private static var databases = 0

    /// The cluster of this test process, started on first use.
    public static func shared() throws -> TestPostgres {
        try lock.withLock {
            if let instance { return instance }
            let started = try TestPostgres()
            instance = started
            atexit { TestPostgres.stopShared() }
            return started
        }
    }

    /// A new, empty database in the shared cluster (one per test, so tests never see each other's rows).
    public static func freshDatabase(_ label: String = "test") throws -> String {
        let pg = try shared()
        let name = lock.withLock {
            databases += 1
            return "\(label)_\(getpid())_\(databases)".lowercased()
        }
        try pg.run("createdb", ["-h", pg.host, "-p", "\(pg.port)", "-U", pg.user, name])
        return pg.url(database: name)
    }

    private static func stopShared() {
        guard let pg = lock.withLock({ instance }) else { return }
        pg.stop()
    }

    init() throws {
        binaries = try Self.findBinaries()
        folder =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("footfall-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if getuid() == 0 { try Self.handToPostgresUser(folder) }
        port = try Self.freeLoopbackPort()
        let data = folder + "/data"
        try run("initdb", ["-D", data, "-A", "trust", "-U", user, "-E", "UTF8", "--no-sync"])
        // -F: no fsync (a test cluster is thrown away); -k: the socket in our folder, not /var/run/postgresql.
        let options = "-k \(folder) -h \(host) -p \(port) -F"
        try run("pg_ctl", ["-D", data, "-l", folder + "/server.log", "-w", "-t", "60", "-o", options, "start"])
    }

    /// Stops the server at once (the data is thrown away) and removes the folder.
    public func stop() {
        try? run("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs one of the PostgreSQL binaries (as `postgres` under root); throws with its output when it fails.
    /// posix_spawn + waitpid rather than Foundation's Process: `pg_ctl start` leaves a daemon behind, and a blocking
    /// wait is all a test's setup needs.
    func run(_ tool: String, _ arguments: [String]) throws {
        let path = binaries + "/" + tool
        let argv = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", path] + arguments : [path] + arguments
        let log = folder + "/\(tool).out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw TestPostgresError("cannot start \(argv[0]): \(String(cString: strerror(spawned))); run `make setup`")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let server = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
            throw TestPostgresError(
                "\(tool) \(arguments.joined(separator: " ")) failed (status \(status)): \(output)"
                    + (server.isEmpty ? "" : "\nserver log:\n\(server)"))
        }
    }

    /// The newest `/usr/lib/postgresql/<version>/bin` that has `initdb` and `pg_ctl`.
    static func findBinaries() throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let usable = versions.compactMap { v -> (Int, String)? in
            let bin = "\(root)/\(v)/bin"
            guard let n = Int(v), FileManager.default.isExecutableFile(atPath: bin + "/initdb"),
                FileManager.default.isExecutableFile(atPath: bin + "/pg_ctl")
            else { return nil }
            return (n, bin)
        }
        guard let newest = usable.max(by: { $0.0 < $1.0 }) else {
            throw TestPostgresError(
                "no PostgreSQL server binaries in \(root)/*/bin (initdb, pg_ctl): run `make setup`, which installs "
                    + "Debian's postgresql package")
        }
        return newest.1
    }

    static func handToPostgresUser(_ folder: String) throws {
        guard chownToPostgres(folder) else {
            throw TestPostgresError(
                "cannot hand \(folder) to the postgres user (PostgreSQL refuses to run as root): is Debian's "
                    + "postgresql package installed? Run `make setup`")
        }
    }

    /// A port the kernel says is free on 127.0.0.1 (bound to port 0, read back, closed).
    public static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestPostgresError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { throw TestPostgresError("cannot find a free loopback port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Gives `path` to the `postgres` user and group (false if there is no such user).
private func chownToPostgres(_ path: String) -> Bool {
    guard let entry = getpwnam("postgres") else { return false }
    return chown(path, entry.pointee.pw_uid, entry.pointee.pw_gid) == 0
}

/// Why the test cluster could not start, with what to do.
public struct TestPostgresError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
