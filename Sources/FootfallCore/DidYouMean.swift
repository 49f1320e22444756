/// "did you mean" suggestions for names users type: backends, surfaces, file names.
public enum DidYouMean {
    /// The closest candidate within a small edit distance, or nil.
    public static func suggest(_ input: String, from candidates: some Sequence<String>) -> String? {
        let lowered = input.lowercased()
        var best: (String, Int)?
        for c in candidates {
            let d = distance(lowered, c.lowercased())
            let limit = max(2, c.count / 3)
            if d <= limit, d < (best?.1 ?? .max) { best = (c, d) }
        }
        return best?.0
    }

    /// " — did you mean 'x'?" or "" (to append to a message).
    public static func hint(_ input: String, from candidates: some Sequence<String>) -> String {
        suggest(input, from: candidates).map { " — did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
