import Foundation

/// Reads `KEY=value` lines from a `.env` file (comments with #, optional quotes, optional `export `).
/// Values from the real environment win over the file.
public enum DotEnv {
    public static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty { result[key] = value }
        }
        return result
    }

    /// The process environment merged over `.env` in `directory` (if present).
    public static func environment(
        directory: String = FileManager.default.currentDirectoryPath,
        base: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: directory + "/.env"),
            let text = String(data: data, encoding: .utf8)
        else { return base }
        return parse(text).merging(base) { _, real in real }
    }
}
