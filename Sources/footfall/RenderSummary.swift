import FootfallCore
import Foundation
import Pipeline
import RenderFarm

/// The table that ends a render run: one row per video.
enum RenderSummary {
    struct Row {
        var file: String
        var status: String
        var steps: Int
        var walkers: Int
        var seconds: Double
        var error: String?
        var exitCode: Int32
        /// The licence conditions on the outputs and the credits file, when the sound track uses recordings.
        var licence: String?
        var credits: String?

        init(file: String, result: RenderResult) {
            self.file = file
            status = "ok"
            steps = result.document.steps.count
            walkers = result.walkerCount
            seconds = result.timings.total
            exitCode = 0
            licence = result.licenceConditions
            credits = result.credits
        }

        /// A render farm job's row (`batch --wait`), from what its worker stored.
        init(file: String, summary: JobSummary) {
            self.file = file
            status = "ok"
            steps = summary.steps
            walkers = summary.walkers
            seconds = summary.seconds
            exitCode = 0
            licence = summary.licence
            credits = summary.credits
        }

        init(file: String, error: String, exitCode: Int32) {
            self.file = file
            status = "failed"
            steps = 0
            walkers = 0
            seconds = 0
            self.error = error
            self.exitCode = exitCode
        }
    }

    static func table(_ rows: [Row], outputDirectory: String) -> String {
        let nameWidth = min(max(rows.map { ($0.file as NSString).lastPathComponent.count }.max() ?? 4, 4), 40)
        var lines = [
            "video".padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  status  steps  walkers  seconds"
        ]
        for r in rows {
            let name = (r.file as NSString).lastPathComponent.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            var line = name + "  " + r.status.padding(toLength: 6, withPad: " ", startingAt: 0)
            line += String(format: "  %5d  %7d  %7.1f", r.steps, r.walkers, r.seconds)
            if let e = r.error { line += "  " + e }
            lines.append(line)
        }
        let ok = rows.filter { $0.exitCode == 0 }.count
        lines.append("\(ok) of \(rows.count) rendered into \(outputDirectory)/")
        // Said after the table, in full: a condition on the user's output must never hide in a log.
        for r in rows {
            guard let licence = r.licence else { continue }
            let name = (r.file as NSString).lastPathComponent
            lines.append("\(name): \(licence)" + (r.credits.map { " Credits: \($0)" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
