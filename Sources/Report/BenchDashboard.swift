import FootfallCore
import Foundation

/// An HTML page comparing benchmark runs: real-time factor over time per video, and time per stage of the latest run.
public enum BenchDashboard {
    public static func render(_ records: [BenchRecord]) -> String {
        let videos = Array(Set(records.map(\.video))).sorted()
        let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
        var body = "<h1>Footfall benchmarks</h1>"
        body +=
            "<p class=\"note\">\(records.count) runs of \(videos.count) videos. Real-time factor = video duration / "
        body += "processing time (above 1 is faster than real time).</p>"
        var rtf = SVGChart(title: "Real-time factor per run", xLabel: "run number", yLabel: "real-time factor (×)")
        var fps = SVGChart(
            title: "Frames per second per run (whole pipeline)", xLabel: "run number", yLabel: "frames/s")
        for (i, v) in videos.enumerated() {
            let runs = records.enumerated().filter { $0.element.video == v }
            let c = palette[i % palette.count]
            rtf.series.append(
                .init(
                    name: v, color: c, points: runs.map { (Double($0.offset + 1), $0.element.realTimeFactor) },
                    style: .points))
            fps.series.append(
                .init(
                    name: v, color: c, points: runs.map { (Double($0.offset + 1), $0.element.framesPerSecond) },
                    style: .points))
        }
        body += rtf.render() + fps.render()
        body += "<h2>Latest run per video</h2>"
        for v in videos {
            guard let last = records.last(where: { $0.video == v }) else { continue }
            var chart = SVGChart(
                title: "\(v) — seconds per stage (\(last.date))", xLabel: "stage number", yLabel: "seconds")
            chart.height = 200
            chart.series = [
                .init(
                    name: "seconds", color: "#ff7f0e",
                    points: last.stages.enumerated().map { (Double($0.offset + 1), $0.element.seconds) }, style: .bars)
            ]
            chart.xRange = 0.3...(Double(last.stages.count) + 0.7)
            body += chart.render()
            var rows = last.stages.enumerated().map { i, s in
                "<tr><td>\(i + 1)</td><td>\(escape(s.stage))</td><td>\(String(format: "%.2f", s.seconds))</td><td>\(s.items.map(String.init) ?? "-")</td></tr>"
            }
            rows.append(
                "<tr><td></td><td>total</td><td>\(String(format: "%.2f", last.total))</td><td>\(last.frames) frames</td></tr>"
            )
            body +=
                "<table><tr><th>#</th><th>stage</th><th>seconds</th><th>items</th></tr>" + rows.joined() + "</table>"
            var facts = String(
                format: "real-time factor %.2f×, %.1f frames/s, peak memory %.0f MB", last.realTimeFactor,
                last.framesPerSecond, last.peakRSSMB)
            if let d = last.decodeFPS { facts += String(format: ", decode→256 px %.0f frames/s", d) }
            if let mp = last.mediapipeMsPerFrame, let pose = last.stages.first(where: { $0.stage == "pose" }),
                last.frames > 0
            {
                facts += String(
                    format: "; pose %.1f ms/frame vs MediaPipe Python %.1f ms/frame",
                    pose.seconds * 1000 / Double(last.frames), mp)
            }
            body += "<p class=\"note\">\(escape(facts)) — commit \(escape(last.commit)), \(escape(last.machine)).</p>"
        }
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Footfall benchmarks</title>
            <style>body{font-family:sans-serif;max-width:960px;margin:24px auto;color:#222;padding:0 12px}
            table{border-collapse:collapse;font-size:13px} td,th{border:1px solid #ddd;padding:3px 8px}
            .note{color:#555;font-size:13px} svg{max-width:100%;height:auto}</style></head><body>
            \(body)</body></html>
            """
    }
}
