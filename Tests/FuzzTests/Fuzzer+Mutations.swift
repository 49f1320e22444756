import FootfallCore
import Foundation

extension Fuzzer {
    /// Values that break careless number, string and structure handling.
    static let genericTokens = [
        "NaN", "nan", "Infinity", "-Infinity", "inf", "-inf", "1e308", "1e309", "-1e400", "1e-400", "-0",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "340282366920938463463374607431768211456", "0x7fffffff", "-1", "0", "1.5", "null", "true", "false", "\"\"",
        "[]", "{}", "\u{0}", "é", "e\u{301}", "\u{301}", "😀", "👩‍👩‍👧", "\u{FEFF}", "\u{2028}", "\u{85}", "\r\n", "\r",
        "\n", "\t", " ", "\"", "'", "\\", "\\u0000", "\\ud800", ",", ":", "=", ";", "-", "--", "#", "[0]", "[-1]",
        "[99999999999999999999]", ".", "..", "/", "%s%n", String(repeating: "A", count: 1500),
    ]

    /// Applies one random mutation.
    func mutate(_ bytes: inout [UInt8], rng: inout SeededRandom) {
        let n = bytes.count
        switch rng.below(11) {
        case 0 where n > 0:  // bit flips
            for _ in 0..<(1 + rng.below(8)) { bytes[rng.below(n)] ^= UInt8(1 << rng.below(8)) }
        case 1 where n > 0:  // truncation
            bytes.removeLast(1 + rng.below(n))
        case 2 where n > 1:  // a chunk removed
            let start = rng.below(n)
            bytes.removeSubrange(start..<min(n, start + 1 + rng.below(max(1, n / 4))))
        case 3 where n > 1:  // a chunk duplicated somewhere else
            let start = rng.below(n)
            let chunk = Array(bytes[start..<min(n, start + 1 + rng.below(max(1, n / 3)))])
            bytes.insert(contentsOf: chunk, at: rng.below(n + 1))
        case 4, 5:  // a token inserted or replacing bytes
            let words = dictionary + Self.genericTokens
            let token = Array(words[rng.below(words.count)].utf8)
            let at = rng.below(n + 1)
            let replaced = rng.below(2) == 0 ? 0 : min(n - at, rng.below(12))
            bytes.replaceSubrange(at..<(at + replaced), with: token)
        case 6:  // a number replaced by an extreme one
            replaceNumber(&bytes, rng: &rng)
        case 7:  // deep nesting
            let depth = [10, 200, 600, 3000][rng.below(4)]
            let (open, close) = rng.below(2) == 0 ? ("[", "]") : ("{\"a\":", "}")
            bytes =
                Array(String(repeating: open, count: depth).utf8) + bytes
                + Array(String(repeating: close, count: rng.below(2) == 0 ? depth : depth / 2).utf8)
        case 8 where n > 0:  // a byte set to a structural character
            let structural = Array("{}[]\",:\n\r\t\\=#0-".utf8)
            bytes[rng.below(n)] = structural[rng.below(structural.count)]
        case 9:  // spliced with another seed
            guard let other = seeds.randomElement(using: &rng), !other.isEmpty else { return }
            let cut = rng.below(other.count)
            bytes = Array(bytes.prefix(rng.below(n + 1))) + other[cut...]
        default:  // the whole input repeated (many entries) or emptied
            // Capped at 16 kB: long enough for many entries, short enough to keep thousands of cases fast.
            let copies = min(2 + rng.below(30), max(2, 16_384 / max(1, n)))
            bytes = rng.below(4) == 0 ? [] : Array(repeating: bytes, count: copies).flatMap { $0 }
        }
    }

    /// Replaces the digits of one number in the input by NaN, infinity, a huge or a negative value.
    private func replaceNumber(_ bytes: inout [UInt8], rng: inout SeededRandom) {
        let digits = bytes.indices.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }
        guard let at = digits.randomElement(using: &rng) else { return }
        var start = at
        var end = at
        while start > 0, Self.isNumberByte(bytes[start - 1]) { start -= 1 }
        while end + 1 < bytes.count, Self.isNumberByte(bytes[end + 1]) { end += 1 }
        let replacements = [
            "NaN", "Infinity", "-Infinity", "1e308", "1e309", "-1e300", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "18446744073709551615", "-1", "-0.0", "0", "1e-320", "4294967296", "65536",
            "2147483648", "100000000000", "0.0000001",
        ]
        bytes.replaceSubrange(start...end, with: Array(replacements[rng.below(replacements.count)].utf8))
    }

    private static func isNumberByte(_ b: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
            || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || b == UInt8(ascii: "+")
    }
}
