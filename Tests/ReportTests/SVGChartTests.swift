import Foundation
import Testing

@testable import Report

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct SVGChartTests {
    @Test func ticksAreRoundAndInside() {
        #expect(SVGChart.ticks(0...10, count: 5) == [0, 2, 4, 6, 8, 10])
        #expect(SVGChart.ticks(0.13...0.97, count: 4) == [0.2, 0.4, 0.6, 0.8])
        #expect(SVGChart.ticks(5...5, count: 5).isEmpty)
    }

    @Test func rendersSeriesMarkersAndLabels() throws {
        var chart = SVGChart(title: "Left heel <x>", xLabel: "time (s)", yLabel: "height (px)")
        chart.series = [.init(name: "heel", color: "#1f77b4", points: [(0, 1), (1, .nan), (2, 3), (3, 2)])]
        chart.markers = [.init(x: 1.5, color: "red", label: "HS")]
        chart.bands = [.init(from: 0, to: 2, color: "green", label: "grass")]
        let svg = chart.render()
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("Left heel &lt;x&gt;"))
        #expect(svg.contains("time (s)"))
        #expect(svg.contains(">HS<"))
        #expect(svg.contains(">grass<"))
        // The NaN gap splits the line into two sub-paths.
        let path = try #require(svg.range(of: #"<path d=""#))
        let d = svg[path.upperBound...].prefix { $0 != "\"" }
        #expect(d.filter { $0 == "M" }.count == 2)
        // Well-formed XML.
        _ = try XMLDocument(xmlString: svg)
    }
}
