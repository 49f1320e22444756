import Foundation

/// Reads `KEY=value` lines from a `.env` file (comments with #, optional quotes, optional `export `).
/// Values from the real environment win over the file.
public enum DotEnv {
    public static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        // Unicode scalars, not characters: a combining mark after `=`, a quote or `export ` must not hide them.
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = Substring(raw.trimmingCharacters(in: .whitespaces)).unicodeScalars
            if line.isEmpty || line.first == "#" { continue }
            if line.starts(with: "export ".unicodeScalars) { line = line.dropFirst(7) }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<eq]).trimmingCharacters(in: .whitespaces)
            var value = Substring(String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces))
                .unicodeScalars
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = value.dropFirst().dropLast()
            }
            if !key.isEmpty { result[key] = String(value) }
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
