import Foundation

/// A small line/scatter/event chart rendered as inline SVG: labelled axes with units, ticks, legend.
/// Reports embed these directly in HTML, so a report file needs nothing from the network.
public struct SVGChart: Sendable {
    public struct Series: Sendable {
        public enum Style: Sendable { case line, points, bars }
        public var name: String
        public var color: String
        public var points: [(x: Double, y: Double)]
        public var style: Style

        public init(name: String, color: String, points: [(x: Double, y: Double)], style: Style = .line) {
            self.name = name
            self.color = color
            self.points = points
            self.style = style
        }
    }

    /// A vertical mark at an x position (e.g. a heel strike), drawn across the plot.
    public struct Marker: Sendable {
        public var x: Double
        public var color: String
        public var label: String?
        public var dashed: Bool
        public init(x: Double, color: String, label: String? = nil, dashed: Bool = false) {
            self.x = x
            self.color = color
            self.label = label
            self.dashed = dashed
        }
    }

    /// A shaded horizontal span (e.g. a surface segment).
    public struct Band: Sendable {
        public var from: Double
        public var to: Double
        public var color: String
        public var label: String
        public init(from: Double, to: Double, color: String, label: String) {
            self.from = from
            self.to = to
            self.color = color
            self.label = label
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series] = []
    public var markers: [Marker] = []
    public var bands: [Band] = []
    public var width = 900.0
    public var height = 260.0
    /// Fixed ranges; nil means fit the data.
    public var xRange: ClosedRange<Double>?
    public var yRange: ClosedRange<Double>?
    /// Image y axes grow downward: flip so "down in the picture" is down in the chart.
    public var invertY = false

    public init(title: String, xLabel: String, yLabel: String) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    let margin = (left: 70.0, right: 20.0, top: 34.0, bottom: 46.0)

    public func render() -> String {
        let xs = series.flatMap { $0.points.map(\.x) } + markers.map(\.x) + bands.flatMap { [$0.from, $0.to] }
        let ys = series.flatMap { $0.points.map(\.y) }
        let xr = xRange ?? Self.padded(xs, pad: 0)
        let yr = yRange ?? Self.padded(ys, pad: 0.05)
        let plotW = width - margin.left - margin.right
        let plotH = height - margin.top - margin.bottom
        func px(_ x: Double) -> Double { margin.left + (x - xr.lowerBound) / (xr.upperBound - xr.lowerBound) * plotW }
        func py(_ y: Double) -> Double {
            let t = (y - yr.lowerBound) / (yr.upperBound - yr.lowerBound)
            return invertY ? margin.top + t * plotH : margin.top + (1 - t) * plotH
        }
        var out = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(f(width)) \##(f(height))" "##
        out += ##"width="\##(f(width))" height="\##(f(height))" font-family="sans-serif" font-size="12">"##
        out += ##"<rect x="0" y="0" width="\##(f(width))" height="\##(f(height))" fill="white"/>"##
        out += ##"<text x="\##(f(margin.left))" y="20" font-size="14" font-weight="bold">\##(escape(title))</text>"##
        for b in bands {
            let x0 = px(max(b.from, xr.lowerBound))
            let x1 = px(min(b.to, xr.upperBound))
            out +=
                ##"<rect x="\##(f(x0))" y="\##(f(margin.top))" width="\##(f(max(x1 - x0, 0)))" height="\##(f(plotH))" "##
            out += ##"fill="\##(b.color)" fill-opacity="0.18"/>"##
            out += ##"<text x="\##(f(x0 + 3))" y="\##(f(margin.top + 12))" fill="#333">\##(escape(b.label))</text>"##
        }
        out += axes(xr: xr, yr: yr, px: px, py: py, plotW: plotW, plotH: plotH)
        for m in markers where xr.contains(m.x) {
            let dash = m.dashed ? ##" stroke-dasharray="4 3""## : ""
            out +=
                ##"<line x1="\##(f(px(m.x)))" y1="\##(f(margin.top))" x2="\##(f(px(m.x)))" y2="\##(f(margin.top + plotH))" "##
            out += ##"stroke="\##(m.color)" stroke-width="1.2"\##(dash)/>"##
            if let l = m.label {
                out +=
                    ##"<text x="\##(f(px(m.x) + 2))" y="\##(f(margin.top + plotH - 4))" fill="\##(m.color)" font-size="10">\##(escape(l))</text>"##
            }
        }
        for s in series { out += draw(s, px: px, py: py, baseline: py(max(yr.lowerBound, min(0, yr.upperBound)))) }
        out += legend()
        out += "</svg>"
        return out
    }

    private func draw(_ s: Series, px: (Double) -> Double, py: (Double) -> Double, baseline: Double) -> String {
        switch s.style {
        case .line:
            guard !s.points.isEmpty else { return "" }
            // Break the line at gaps (NaN) so missing data is not drawn as a straight bridge.
            var d = ""
            var pen = false
            for p in s.points {
                guard p.y.isFinite, p.x.isFinite else {
                    pen = false
                    continue
                }
                d += (pen ? "L" : "M") + f(px(p.x)) + "," + f(py(p.y))
                pen = true
            }
            return ##"<path d="\##(d)" fill="none" stroke="\##(s.color)" stroke-width="1.6"/>"##
        case .points:
            return s.points.filter { $0.y.isFinite }.map {
                ##"<circle cx="\##(f(px($0.x)))" cy="\##(f(py($0.y)))" r="3.5" fill="\##(s.color)"/>"##
            }.joined()
        case .bars:
            return s.points.filter { $0.y.isFinite }.map {
                let top = min(py($0.y), baseline)
                return
                    ##"<rect x="\##(f(px($0.x) - 6))" y="\##(f(top))" width="12" height="\##(f(abs(baseline - py($0.y))))" fill="\##(s.color)"/>"##
            }.joined()
        }
    }

    private func legend() -> String {
        var out = ""
        var x = width - margin.right
        for s in series.reversed() {
            let w = Double(s.name.count) * 7 + 24
            x -= w
            out += ##"<rect x="\##(f(x))" y="10" width="12" height="12" fill="\##(s.color)"/>"##
            out += ##"<text x="\##(f(x + 16))" y="20">\##(escape(s.name))</text>"##
        }
        return out
    }

    static func padded(_ values: [Double], pad: Double) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return 0...1 }
        if hi - lo < 1e-9 { return (lo - 1)...(hi + 1) }
        let p = (hi - lo) * pad
        return (lo - p)...(hi + p)
    }
}

func f(_ v: Double) -> String { String(format: "%.1f", v) }

func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
