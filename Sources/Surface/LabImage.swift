import Foundation

/// A picture in CIE L*a*b* (D65): lightness and the two opponent colour axes, the space in which
/// "how green", "how grey" and "how bright" are roughly perceptually even.
struct LabImage {
    let width: Int
    let height: Int
    var l: [Double]
    var a: [Double]
    var b: [Double]

    init(width: Int, height: Int, l: [Double], a: [Double], b: [Double]) {
        self.width = width
        self.height = height
        self.l = l
        self.a = a
        self.b = b
    }

    init(_ image: PatchImage) {
        let n = image.width * image.height
        var l = [Double](repeating: 0, count: n)
        var a = l
        var b = l
        let lin = Self.linearTable
        for i in 0..<n {
            let r = lin[Int(image.pixels[i * 3])]
            let g = lin[Int(image.pixels[i * 3 + 1])]
            let bl = lin[Int(image.pixels[i * 3 + 2])]
            let x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047
            let y = 0.2126 * r + 0.7152 * g + 0.0722 * bl
            let z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883
            let fx = Self.f(x)
            let fy = Self.f(y)
            let fz = Self.f(z)
            l[i] = 116 * fy - 16
            a[i] = 500 * (fx - fy)
            b[i] = 200 * (fy - fz)
        }
        self.init(width: image.width, height: image.height, l: l, a: a, b: b)
    }

    /// sRGB byte → linear light.
    static let linearTable: [Double] = (0..<256).map { v in
        let c = Double(v) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    private static func f(_ t: Double) -> Double {
        t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116.0
    }

    /// Lightness averaged over `factor`×`factor` blocks (coarser scale for texture measures).
    func downsampledLightness(by factor: Int) -> (width: Int, height: Int, values: [Double]) {
        let w = max(1, width / factor)
        let h = max(1, height / factor)
        var out = [Double](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                var s = 0.0
                var n = 0
                for yy in (y * factor)..<min(height, (y + 1) * factor) {
                    for xx in (x * factor)..<min(width, (x + 1) * factor) {
                        s += l[yy * width + xx]
                        n += 1
                    }
                }
                out[y * w + x] = n > 0 ? s / Double(n) : 0
            }
        }
        return (w, h, out)
    }
}
