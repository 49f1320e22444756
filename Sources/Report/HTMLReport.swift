import FootfallCore
import Foundation

/// A self-contained HTML walkthrough of one render: every picture and chart inline, no external assets.
public enum HTMLReport {
    public static let footColors: [Foot: String] = [.left: "#1f77b4", .right: "#d62728"]

    public static func render(_ data: ReportData) -> String {
        var body = "<h1>\(escape(data.title))</h1>"
        body += section("Video", videoFacts(data))
        if !data.warnings.isEmpty {
            body += section("Warnings", "<ul>" + data.warnings.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        }
        // Near the top: a licence condition on the user's output must not hide at the end of a long page.
        if let credits = data.credits { body += section("Sound credits", Self.credits(credits)) }
        body += section("Key frames", keyFrames(data))
        body += section("Step detection", trajectories(data))
        if let onsets = data.audioOnsets { body += section("Footsteps in the video's own audio", audio(onsets, data)) }
        body += section("Surfaces", surfaces(data))
        body += section("Footstep plan", plan(data))
        body += section("Loudness of the mix", loudness(data))
        body += section("Time per stage", timings(data))
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(data.title))</title>
            <style>
            body{font-family:sans-serif;max-width:960px;margin:24px auto;color:#222;padding:0 12px}
            h1{font-size:22px} h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}
            table{border-collapse:collapse;font-size:13px} td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
            figure{display:inline-block;margin:6px} figcaption{font-size:12px;color:#555} img{max-width:100%}
            .note{color:#555;font-size:13px} .licence{font-weight:bold} svg{max-width:100%;height:auto}
            </style></head><body>
            \(body)
            <p class="note">Made by Footfall.</p>
            </body></html>
            """
    }

    static func section(_ title: String, _ content: String) -> String {
        "<section><h2>\(escape(title))</h2>\(content)</section>"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        "<table><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>"
            + rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined() + "</table>"
    }

    static func image(_ p: ReportData.Picture) -> String {
        "<figure><img alt=\"\(escape(p.caption))\" src=\"data:image/png;base64,\(p.png.base64EncodedString())\">"
            + "<figcaption>\(escape(p.caption))</figcaption></figure>"
    }

    static func videoFacts(_ d: ReportData) -> String {
        let v = d.video
        let walkers = Set(d.steps.map(\.walker)).count
        return table(
            ["fact", "value"],
            [
                ["file", URL(fileURLWithPath: v.path).lastPathComponent],
                ["container / codec", "\(v.container) / \(v.videoCodec)"],
                ["size (upright)", "\(v.width)×\(v.height)" + (v.rotation != 0 ? " (rotated \(v.rotation)°)" : "")],
                [
                    "frame rate",
                    String(format: "%.3f fps", v.frameRate) + (v.isVariableFrameRate ? " (variable)" : " (constant)"),
                ],
                ["duration", String(format: "%.2f s, %d frames", v.duration, v.frameCount)],
                [
                    "audio",
                    v.audioStreams.isEmpty
                        ? "none" : v.audioStreams.map { "\($0.codec) \($0.sampleRate) Hz" }.joined(separator: ", "),
                ],
                ["heel strikes / walkers", "\(d.steps.count) / \(walkers)"],
                ["sound backend", d.backend],
            ])
    }

    static func keyFrames(_ d: ReportData) -> String {
        d.keyFrames.isEmpty
            ? "<p class=\"note\">No key frames.</p>" : d.keyFrames.map(image).joined()
    }
}
