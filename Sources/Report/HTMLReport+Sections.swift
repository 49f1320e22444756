import FootfallCore
import Foundation

extension HTMLReport {
    static func trajectories(_ d: ReportData) -> String {
        guard !d.trajectories.isEmpty else {
            return "<p class=\"note\">No trajectories (steps were read from a file, or nobody walked).</p>"
        }
        var out = "<p class=\"note\">Per walker and foot: the signal the detector used (thin: raw landmarks, thick: "
        out += "zero-phase filtered), heel strikes (solid lines) and toe-offs (dashed).</p>"
        for t in d.trajectories.sorted(by: { ($0.walker, $0.foot.rawValue) < ($1.walker, $1.foot.rawValue) }) {
            let color = footColors[t.foot] ?? "#333"
            var chart = SVGChart(
                title: "Walker \(t.walker), \(t.foot.rawValue) foot — method: \(t.method)", xLabel: "time (s)",
                yLabel: t.quantity)
            chart.height = 220
            chart.xRange = 0...max(d.video.duration, 0.1)
            chart.series = [
                .init(name: "raw", color: "#bbbbbb", points: Array(zip(t.times, t.raw)).map { ($0, $1) }),
                .init(name: "filtered", color: color, points: Array(zip(t.times, t.filtered)).map { ($0, $1) }),
            ]
            chart.markers =
                t.heelStrikes.map { .init(x: $0, color: color, label: "HS") }
                + t.toeOffs.map { .init(x: $0, color: "#888888", dashed: true) }
            out += chart.render()
        }
        return out
    }

    static func audio(_ a: ReportData.AudioOnsets, _ d: ReportData) -> String {
        var chart = SVGChart(
            title: "Onset strength and detected heel strikes", xLabel: "time (s)", yLabel: "onset strength")
        chart.xRange = 0...max(d.video.duration, 0.1)
        chart.series = [
            .init(
                name: "onset envelope", color: "#555555",
                points: Array(zip(a.envelopeTimes, a.envelope)).map { ($0, $1) })
        ]
        chart.markers =
            a.onsets.map { .init(x: $0, color: "#2ca02c", label: "onset", dashed: true) }
            + d.steps.map { .init(x: $0.time, color: footColors[$0.foot] ?? "#333") }
        return (a.verdict.map { "<p>\(escape($0))</p>\n" } ?? "") + chart.render()
    }

    static func surfaces(_ d: ReportData) -> String {
        var out = ""
        if !d.surfaces.isEmpty {
            var chart = SVGChart(title: "Surface segments", xLabel: "time (s)", yLabel: "walker")
            chart.height = 120 + 30 * Double(Set(d.surfaces.compactMap(\.walker)).count)
            chart.xRange = 0...max(d.video.duration, 0.1)
            chart.yRange = 0...1
            chart.bands = d.surfaces.map {
                .init(
                    from: $0.start, to: $0.end, color: surfaceColor($0.surface),
                    label: "\($0.walker.map { "W\($0) " } ?? "")\($0.surface) \(Int($0.confidence * 100))%")
            }
            out += chart.render()
            out += table(
                ["walker", "from (s)", "to (s)", "surface", "confidence", "source"],
                d.surfaces.map {
                    [
                        $0.walker.map(String.init) ?? "all", String(format: "%.2f", $0.start),
                        String(format: "%.2f", $0.end), $0.surface, String(format: "%.0f%%", $0.confidence * 100),
                        $0.source.rawValue,
                    ]
                })
        }
        if let p = d.groundPatches { out += image(p) }
        return out.isEmpty ? "<p class=\"note\">No surface information.</p>" : out
    }

    static func plan(_ d: ReportData) -> String {
        guard !d.steps.isEmpty else { return "<p class=\"note\">No steps.</p>" }
        var gain = SVGChart(title: "Gain per step (distance)", xLabel: "time (s)", yLabel: "gain (dB)")
        gain.xRange = 0...max(d.video.duration, 0.1)
        var pan = SVGChart(title: "Pan per step", xLabel: "time (s)", yLabel: "pan (−1 left … +1 right)")
        pan.xRange = gain.xRange
        pan.yRange = -1...1
        for foot in Foot.allCases {
            let s = d.steps.filter { $0.foot == foot }
            let c = footColors[foot] ?? "#333"
            gain.series.append(
                .init(name: foot.rawValue, color: c, points: s.map { ($0.time, $0.gainDB ?? .nan) }, style: .points))
            pan.series.append(
                .init(name: foot.rawValue, color: c, points: s.map { ($0.time, $0.pan ?? .nan) }, style: .points))
        }
        return gain.render() + pan.render()
    }

    static func loudness(_ d: ReportData) -> String {
        var out = ""
        if !d.loudnessCurve.isEmpty {
            var chart = SVGChart(
                title: "Short-term loudness (3 s window)", xLabel: "time (s)", yLabel: "loudness (LUFS)")
            chart.xRange = 0...max(d.video.duration, 0.1)
            chart.series = [
                .init(name: "short-term", color: "#9467bd", points: d.loudnessCurve.map { ($0.time, $0.lufs) })
            ]
            out += chart.render()
        }
        var facts: [[String]] = []
        if let l = d.integratedLoudness { facts.append(["integrated loudness", String(format: "%.1f LUFS", l)]) }
        if let p = d.truePeak { facts.append(["true peak", String(format: "%.1f dBTP", p)]) }
        if !facts.isEmpty { out += table(["measure", "value"], facts) }
        return out.isEmpty ? "<p class=\"note\">Not measured.</p>" : out
    }

    static func timings(_ d: ReportData) -> String {
        guard !d.timings.entries.isEmpty else { return "<p class=\"note\">Not measured.</p>" }
        var chart = SVGChart(title: "Wall-clock time per stage", xLabel: "stage number", yLabel: "seconds")
        chart.height = 200
        chart.series = [
            .init(
                name: "seconds", color: "#ff7f0e",
                points: d.timings.entries.enumerated().map { (Double($0.offset + 1), $0.element.seconds) }, style: .bars
            )
        ]
        chart.xRange = 0.3...(Double(d.timings.entries.count) + 0.7)
        let rows = d.timings.entries.enumerated().map { i, e in
            ["\(i + 1)", e.stage, String(format: "%.2f", e.seconds), e.items.map(String.init) ?? "-"]
        }
        let rtf =
            d.timings.total > 0 ? String(format: " — real-time factor %.2f×", d.video.duration / d.timings.total) : ""
        return chart.render() + table(["#", "stage", "seconds", "items"], rows)
            + "<p class=\"note\">Total \(String(format: "%.2f", d.timings.total)) s\(rtf).</p>"
    }

    static func surfaceColor(_ name: String) -> String {
        let palette = [
            "concrete": "#7f7f7f", "wood": "#8c564b", "tile": "#17becf", "gravel": "#bcbd22", "grass": "#2ca02c",
            "sand": "#e7ba52", "snow": "#aec7e8", "metal": "#393b79", "wet": "#1f77b4", "leaves": "#d6616b",
        ]
        return palette[name] ?? "#999999"
    }
}
