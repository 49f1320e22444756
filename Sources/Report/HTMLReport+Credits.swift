import Foundation

extension HTMLReport {
    /// Who made the recorded sounds and under which licence: a report is one more place a render is shown, so it
    /// carries the credits (and the condition on the output) like the credits file does.
    static func credits(_ c: ReportData.Credits) -> String {
        var out = "<p class=\"licence\">\(escape(c.conditions))</p>"
        // Cells are HTML already: names escaped, addresses made links.
        let rows = c.recordings.map { r in
            [
                escape((r.file as NSString).lastPathComponent), escape(r.surface), String(r.steps), escape(r.author),
                link(r.source), link(r.licenceURL, text: r.licence),
            ]
        }
        let header = ["recording", "surface", "steps", "author", "source", "licence"].map { "<th>\($0)</th>" }
        out += "<table><tr>" + header.joined() + "</tr>"
        out += rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined() + "</table>"
        if c.synthesizedSteps > 0 {
            out += "<p class=\"note\">\(c.synthesizedSteps) more steps were synthesised (no recording of their surface"
            out += " was allowed).</p>"
        }
        if let file = c.file {
            out += "<p class=\"note\">The same credits are in \(escape((file as NSString).lastPathComponent)).</p>"
        }
        return out
    }

    /// A link when `url` is a web address, else the text: a manifest is data, never markup.
    static func link(_ url: String, text: String? = nil) -> String {
        let label = escape(text ?? url)
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return label }
        return "<a href=\"\(escape(url))\">\(label)</a>"
    }
}
