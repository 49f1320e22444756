import FootfallCore
import Foundation

/// Where the queue lives: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (or the password in `PGPASSWORD`). Its `description` leaves the password
/// out, so it can go into logs and error messages.
public struct QueueURL: Sendable, CustomStringConvertible, Equatable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    public init(_ text: String) throws {
        guard let parts = URLComponents(string: text), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
            let host = parts.host, !host.isEmpty
        else {
            throw FootfallError.usage(
                "--queue must look like postgres://USER@HOST:PORT/DATABASE, not '\(Self.redacted(text))'")
        }
        self.host = host
        port = parts.port ?? 5432
        user = parts.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        // PGPASSWORD (libpq's variable) keeps the password off the command line, where `ps` would show it.
        password =
            parts.password.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? user : path
    }

    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// `text` with anything between `:` and `@` after the scheme replaced, for messages about a URL that did not parse.
    static func redacted(_ text: String) -> String {
        text.replacingOccurrences(of: #"(//[^:/@]*):[^@]*@"#, with: "$1:***@", options: .regularExpression)
    }
}
