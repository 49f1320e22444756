import FootfallCore
import Foundation
import Testing

@testable import Report

/// A report of a render with recordings credits them like the credits file: author, source, licence per file,
/// and the condition on the output near the top; a render without recordings has no credits section.
@Suite struct ReportCreditsTests {
    static let credits = ReportData.Credits(
        conditions: "Share-alike applies: 1 recording under CC BY-SA 3.0 was used (gravel).",
        recordings: [
            .init(
                file: "sounds/default_gravel_footstep.1.ogg", surface: "gravel", author: "Ryding <R&D>",
                source: "https://freesound.org/people/Ryding/sounds/94337/", licence: "CC BY-SA 3.0",
                licenceURL: "https://creativecommons.org/licenses/by-sa/3.0/", steps: 7),
            .init(
                file: "sounds/default_wood_footstep.1.ogg", surface: "wood", author: "Mito551",
                source: "javascript:alert(1)", licence: "CC BY 3.0",
                licenceURL: "https://creativecommons.org/licenses/by/3.0/", steps: 3),
        ], synthesizedSteps: 2, file: "/tmp/out/walk.credits.txt")

    @Test func the_report_lists_each_recording_with_author_source_and_licence() {
        var data = HTMLReportTests.sample()
        data.credits = Self.credits
        let html = HTMLReport.render(data)
        #expect(html.contains("<h2>Sound credits</h2>"))
        #expect(html.contains("<p class=\"licence\">Share-alike applies: 1 recording under CC BY-SA 3.0"))
        #expect(html.contains("<td>default_gravel_footstep.1.ogg</td><td>gravel</td><td>7</td>"))
        #expect(html.contains("<td>Ryding &lt;R&amp;D&gt;</td>"))
        #expect(
            html.contains(
                "<a href=\"https://freesound.org/people/Ryding/sounds/94337/\">https://freesound.org/people/Ryding/"
                    + "sounds/94337/</a>"))
        #expect(html.contains("<a href=\"https://creativecommons.org/licenses/by/3.0/\">CC BY 3.0</a>"))
        // A source that is not a web address is shown as text, never made a link.
        #expect(html.contains("<td>javascript:alert(1)</td>") && !html.contains("href=\"javascript"))
        #expect(html.contains("2 more steps were synthesised"))
        #expect(html.contains("walk.credits.txt"))
        // Before the long sections, so the condition is seen.
        let credits = html.range(of: "Sound credits")?.lowerBound
        let frames = html.range(of: "<h2>Key frames</h2>")?.lowerBound
        #expect(credits != nil && frames != nil && credits! < frames!)
    }

    @Test func a_render_without_recordings_has_no_credits_section() {
        #expect(!HTMLReport.render(HTMLReportTests.sample()).contains("Sound credits"))
    }
}
