import Foundation

/// Measures a ground patch: colour, texture at two scales, edge structure and specular glints.
/// Patches are first resampled to a fixed size, so texture is measured relative to the walker's size
/// (the sampler crops in proportion to walker height), not in raw pixels.
public struct PatchFeatures: Sendable, Equatable {
    /// Patches are resampled to this width; height keeps the aspect ratio within 16…64 rows.
    public static let analysisSize = 64

    public var values: [GroundFeature: Double]

    public subscript(_ feature: GroundFeature) -> Double { values[feature] ?? 0 }

    public init(values: [GroundFeature: Double]) {
        self.values = values
    }

    public init(measuring image: PatchImage) {
        let n = Self.analysisSize
        let rows = min(n, max(16, Int((Double(n) * Double(image.height) / Double(max(1, image.width))).rounded())))
        let lab = LabImage(image.width == n && image.height == rows ? image : image.resized(width: n, height: rows))
        var v: [GroundFeature: Double] = [:]
        let count = Double(lab.l.count)

        // Colour and contrast use medians and median absolute deviations: the ground is most of the crop, and a
        // shoe, a shadow edge or a white sneaker (a minority of pixels) should not move these much.
        let medianL = Self.median(lab.l)
        let medianA = Self.median(lab.a)
        let medianB = Self.median(lab.b)
        var chromas = [Double](repeating: 0, count: lab.l.count)
        var green = 0
        for i in 0..<lab.l.count {
            let c = (lab.a[i] * lab.a[i] + lab.b[i] * lab.b[i]).squareRoot()
            chromas[i] = c
            // Vegetation: hue past yellow towards green (> ~94°), clearly coloured; sunlit grass is nearly yellow.
            if lab.a[i] < -2, lab.b[i] > 2, c > 10, lab.a[i] < -0.07 * lab.b[i] { green += 1 }
        }
        let stdL = Self.robustSpread(lab.l, around: medianL)
        let spreadA = Self.robustSpread(lab.a, around: medianA)
        let spreadB = Self.robustSpread(lab.b, around: medianB)
        v[.lightness] = medianL
        v[.lightnessStd] = stdL
        v[.greenRed] = medianA
        v[.blueYellow] = medianB
        v[.chroma] = Self.median(chromas)
        v[.colorVariety] = (spreadA * spreadA + spreadB * spreadB).squareRoot()
        v[.greenShare] = Double(green) / count
        v[.fineTexture] = Self.laplacianEnergy(lab.l, width: lab.width, height: lab.height)
        let coarse = lab.downsampledLightness(by: 4)
        v[.coarseTexture] = Self.laplacianEnergy(coarse.values, width: coarse.width, height: coarse.height)
        let edges = Self.edgeOrientation(lab.downsampledLightness(by: 2))
        v[.edgeDominance] = edges.dominance
        v[.edgeOrthogonal] = edges.orthogonal
        v[.specular] = Self.specularShare(lab, meanL: medianL, stdL: stdL)
        values = v
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    /// 1.4826 × median absolute deviation: equals the standard deviation for normal data, ignores outliers.
    static func robustSpread(_ values: [Double], around centre: Double) -> Double {
        1.4826 * median(values.map { abs($0 - centre) })
    }

    /// "name=value" pairs for logs.
    public var summary: String {
        GroundFeature.allCases.map { "\($0.rawValue)=\(String(format: "%.3g", self[$0]))" }.joined(separator: " ")
    }

    /// Mean absolute 4-neighbour Laplacian (interior pixels).
    static func laplacianEnergy(_ l: [Double], width: Int, height: Int) -> Double {
        guard width >= 3, height >= 3 else { return 0 }
        var sum = 0.0
        for y in 1..<(height - 1) {
            for x in 1..<(width - 1) {
                let i = y * width + x
                sum += abs(4 * l[i] - l[i - 1] - l[i + 1] - l[i - width] - l[i + width])
            }
        }
        return sum / Double((width - 2) * (height - 2)) / 4
    }

    /// Orientation histogram of Sobel edges (12 bins over 0…180°), weighted by magnitude, over edges clearly
    /// above noise (a step of ~6 L*). Ground seen at a slant is squashed vertically, which makes even random
    /// speckle look "horizontal"; so when few strong edges exist the result is pulled to the no-direction
    /// value (0.25), and only real joints, seams and planks make a direction count.
    static func edgeOrientation(_ img: (width: Int, height: Int, values: [Double])) -> (
        dominance: Double, orthogonal: Double
    ) {
        let (w, h, l) = img
        let neutral = 0.25
        guard w >= 3, h >= 3 else { return (neutral, neutral) }
        let bins = 12
        var hist = [Double](repeating: 0, count: bins)
        var strong = 0
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) {
                func p(_ dx: Int, _ dy: Int) -> Double { l[(y + dy) * w + x + dx] }
                let gx = p(1, -1) + 2 * p(1, 0) + p(1, 1) - p(-1, -1) - 2 * p(-1, 0) - p(-1, 1)
                let gy = p(-1, 1) + 2 * p(0, 1) + p(1, 1) - p(-1, -1) - 2 * p(0, -1) - p(1, -1)
                let m = (gx * gx + gy * gy).squareRoot()
                guard m > strongEdge else { continue }
                strong += 1
                var a = atan2(gy, gx)
                if a < 0 { a += .pi }
                hist[min(bins - 1, Int(a / .pi * Double(bins)))] += m
            }
        }
        let total = hist.reduce(0, +)
        guard total > 0 else { return (neutral, neutral) }
        func window(_ c: Int) -> Double {
            (-1...1).reduce(0) { $0 + hist[((c + $1) % bins + bins) % bins] }
        }
        let best = (0..<bins).max { window($0) < window($1) } ?? 0
        let trust = min(1, Double(strong) / Double((w - 2) * (h - 2)) / strongShareForFullTrust)
        return (
            neutral + trust * (window(best) / total - neutral),
            neutral + trust * (window(best + bins / 2) / total - neutral)
        )
    }

    /// Sobel magnitude (on L*) that counts as a real edge: a step of about 6 L*.
    static let strongEdge = 24.0
    /// Share of pixels on strong edges at which their direction is fully trusted.
    static let strongShareForFullTrust = 0.08

    /// Glints: small spots that are bright, nearly colourless, well above the patch's typical lightness and
    /// above their own 7×7 neighbourhood. The last test keeps a white shoe or a painted line (bright areas,
    /// not spots) from counting as reflections.
    static func specularShare(_ lab: LabImage, meanL: Double, stdL: Double) -> Double {
        let threshold = max(meanL + 2 * stdL, meanL + 15)
        let (w, h) = (lab.width, lab.height)
        var n = 0
        for y in 0..<h {
            for x in 0..<w {
                let i = y * w + x
                guard lab.l[i] > threshold, lab.l[i] > 60 else { continue }
                guard (lab.a[i] * lab.a[i] + lab.b[i] * lab.b[i]).squareRoot() < 12 else { continue }
                var sum = 0.0
                var count = 0
                for yy in max(0, y - 3)...min(h - 1, y + 3) {
                    for xx in max(0, x - 3)...min(w - 1, x + 3) {
                        sum += lab.l[yy * w + xx]
                        count += 1
                    }
                }
                if lab.l[i] > sum / Double(count) + 12 { n += 1 }
            }
        }
        return Double(n) / Double(lab.l.count)
    }
}
