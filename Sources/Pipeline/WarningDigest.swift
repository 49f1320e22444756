import Foundation

/// Keeps the warnings a user reads short: many walkers with the same "surface unclear" advice become one line.
enum WarningDigest {
    static func condense(_ warnings: [String], limit: Int = 3) -> [String] {
        let unclear = warnings.filter { $0.contains(": surface unclear") }
        guard unclear.count > limit else { return warnings }
        let walkers = unclear.compactMap { line -> String? in
            guard line.hasPrefix("walker "), let comma = line.firstIndex(of: ",") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 7)..<comma])
        }
        let fallback =
            unclear.first.flatMap { line -> String? in
                guard let r = line.range(of: "), using "), let dot = line[r.upperBound...].firstIndex(of: ".") else {
                    return nil
                }
                return String(line[r.upperBound..<dot])
            } ?? "the default surface"
        let summary =
            "surface unclear for \(unclear.count) walker stretches (walkers \(walkers.prefix(8).joined(separator: ", "))\(walkers.count > 8 ? ", …" : "")), "
            + "using \(fallback). Set it with --surface NAME, or edit 'surfaces' in the steps JSON (an entry with \"source\": \"override\")."
        return warnings.filter { !$0.contains(": surface unclear") } + [summary]
    }
}
