import Foundation

extension SVGChart {
    /// Axis lines, "nice" ticks with labels and grid, and the axis titles (with units).
    func axes(
        xr: ClosedRange<Double>, yr: ClosedRange<Double>, px: (Double) -> Double, py: (Double) -> Double,
        plotW: Double, plotH: Double
    ) -> String {
        var out = ""
        let bottom = margin.top + plotH
        out += ##"<rect x="\##(f(margin.left))" y="\##(f(margin.top))" width="\##(f(plotW))" height="\##(f(plotH))" "##
        out += ##"fill="none" stroke="#888"/>"##
        for t in Self.ticks(xr, count: 10) {
            let x = px(t)
            out += ##"<line x1="\##(f(x))" y1="\##(f(margin.top))" x2="\##(f(x))" y2="\##(f(bottom))" stroke="#eee"/>"##
            out +=
                ##"<text x="\##(f(x))" y="\##(f(bottom + 15))" text-anchor="middle" fill="#444">\##(Self.label(t))</text>"##
        }
        for t in Self.ticks(yr, count: 5) {
            let y = py(t)
            out +=
                ##"<line x1="\##(f(margin.left))" y1="\##(f(y))" x2="\##(f(margin.left + plotW))" y2="\##(f(y))" stroke="#eee"/>"##
            out +=
                ##"<text x="\##(f(margin.left - 6))" y="\##(f(y + 4))" text-anchor="end" fill="#444">\##(Self.label(t))</text>"##
        }
        out +=
            ##"<text x="\##(f(margin.left + plotW / 2))" y="\##(f(height - 8))" text-anchor="middle">\##(escape(xLabel))</text>"##
        let cy = margin.top + plotH / 2
        out +=
            ##"<text x="16" y="\##(f(cy))" text-anchor="middle" transform="rotate(-90 16 \##(f(cy)))">\##(escape(yLabel))</text>"##
        return out
    }

    /// Round tick values (1, 2, 5 × 10^k steps) inside the range.
    static func ticks(_ r: ClosedRange<Double>, count: Int) -> [Double] {
        let span = r.upperBound - r.lowerBound
        guard span > 0, span.isFinite else { return [] }
        let raw = span / Double(max(count, 1))
        let mag = pow(10, floor(log10(raw)))
        let step =
            [1.0, 2, 5, 10].map { $0 * mag }.min { abs(span / $0 - Double(count)) < abs(span / $1 - Double(count)) }
            ?? raw
        // Integer multiples of the step, so labels don't pick up floating-point drift.
        let first = Int(ceil(r.lowerBound / step - 1e-9))
        let last = Int(floor(r.upperBound / step + 1e-9))
        guard last >= first else { return [] }
        return (first...min(last, first + 50)).map { (Double($0) * step * 1e9).rounded() / 1e9 }
    }

    static func label(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e6 { return String(Int(v)) }
        return abs(v) >= 10 ? String(format: "%.1f", v) : String(format: "%.2f", v)
    }
}
