extension String {
    /// The text as it should be quoted in a one-line message: control characters (line breaks, tabs, NUL…) shown
    /// as `\n`, `\t`, `\u{0}`, and at most `limit` characters, so a bad value cannot break or forge a log line.
    public func singleLine(limit: Int = 120) -> String {
        var out = ""
        for (count, scalar) in unicodeScalars.enumerated() {
            if count == limit {
                out += "…"
                break
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let control = scalar.properties.generalCategory == .control
                let separator =
                    scalar.properties.generalCategory == .lineSeparator
                    || scalar.properties.generalCategory == .paragraphSeparator
                if control || separator {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
