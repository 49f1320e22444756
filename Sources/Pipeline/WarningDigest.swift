import Foundation

/// Keeps the warnings a user reads short: many walkers with the same "surface unclear" advice become one line.
enum WarningDigest {
    static func condense(_ warnings: [String], limit: Int = 3) -> [String] {
        let unclear = warnings.filter { $0.contains(": surface unclear") }
        guard unclear.count > limit else { return warnings }
        var seen = Set<String>()
        // A walker with several unclear stretches is named once.
        let walkers = unclear.compactMap { line -> String? in
            guard line.hasPrefix("walker "), let comma = line.firstIndex(of: ",") else { return nil }
            let id = String(line[line.index(line.startIndex, offsetBy: 7)..<comma])
            return seen.insert(id).inserted ? id : nil
        }
        let fallback =
            unclear.first.flatMap { line -> String? in
                guard let r = line.range(of: "), using "), let dot = line[r.upperBound...].firstIndex(of: ".") else {
                    return nil
                }
                return String(line[r.upperBound..<dot])
            } ?? "the default surface"
        let summary =
            "surface unclear for \(unclear.count) stretches of \(walkers.count) walkers (walkers \(walkers.prefix(8).joined(separator: ", "))\(walkers.count > 8 ? ", …" : "")), "
            + "using \(fallback). Set it with --surface NAME, or edit 'surfaces' in the steps JSON (an entry with \"source\": \"override\")."
        return warnings.filter { !$0.contains(": surface unclear") } + [summary]
    }
}
