import FootfallCore
import Foundation

/// Guesses indoor vs outdoor from whole frames (for the mixer's room sound). Looks at a coarse grid of
/// every `stride`-th frame: blue sky in the upper part, vegetation, overall light and colour temperature.
/// The weights are in `surface_prototypes.json` ("scene").
public struct SceneAnalyzer {
    public struct Guess: Sendable, Equatable {
        public var scene: SceneKind
        /// Probability of outdoor (0…1); `scene` is unknown when it is near 0.5.
        public var outdoorProbability: Double
        public var confidence: Double
        public var features: [String: Double]
    }

    /// Feature names the scene weights may use.
    public static let featureNames = [
        "sky_share", "green_share", "lightness", "warmth", "top_bright_share", "top_lightness",
    ]

    public let settings: SurfacePrototypes.Scene
    public let stride: Int
    private var sums: [String: Double] = [:]
    private var frames = 0

    public init(settings: SurfacePrototypes.Scene, stride: Int = 10) {
        self.settings = settings
        self.stride = max(1, stride)
    }

    public mutating func consume(frame: RGBFrame) {
        guard frame.index % stride == 0, frame.width > 0, frame.height > 0 else { return }
        for (k, v) in Self.measure(frame) { sums[k, default: 0] += v }
        frames += 1
    }

    public var guess: Guess {
        guard frames > 0 else { return Guess(scene: .unknown, outdoorProbability: 0.5, confidence: 0, features: [:]) }
        let f = sums.mapValues { $0 / Double(frames) }
        var z = settings.bias
        for (name, w) in settings.weights { z += w * (f[name] ?? 0) }
        let p = 1 / (1 + exp(-z))
        let margin = abs(p - 0.5)
        let scene: SceneKind = margin < settings.unknownMargin ? .unknown : (p > 0.5 ? .outdoor : .indoor)
        return Guess(scene: scene, outdoorProbability: p, confidence: min(1, 2 * margin), features: f)
    }

    /// Whole-frame measurements on a ~64-column grid.
    static func measure(_ frame: RGBFrame) -> [String: Double] {
        let step = max(1, frame.width / 64)
        let cols = frame.width / step
        let rows = frame.height / step
        var grid = PatchImage(width: cols, height: rows)
        for y in 0..<rows {
            for x in 0..<cols {
                let p = frame.pixel(x: x * step + step / 2, y: y * step + step / 2)
                grid.fill(x: x, y: y, width: 1, height: 1, color: (p.r, p.g, p.b))
            }
        }
        let lab = LabImage(grid)
        let n = Double(lab.l.count)
        let meanL = lab.l.reduce(0, +) / n
        let topRows = max(1, rows / 3)
        let skyRows = max(1, rows / 10)
        var sky = 0.0
        var topBright = 0.0
        var topL = 0.0
        var green = 0.0
        for y in 0..<rows {
            for x in 0..<cols {
                let i = y * cols + x
                let (l, a, b) = (lab.l[i], lab.a[i], lab.b[i])
                let c = (a * a + b * b).squareRoot()
                if a < -2, b > 2, c > 10, a < -0.07 * b { green += 1 }
                // Sky: along the top edge, clearly brighter than the picture as a whole, blue or grey-white.
                // (A white wall is about as bright as the rest of a room; a blue screen is not brighter.)
                if y < skyRows, l > max(45, meanL + 15), b < 10, c < 30 { sky += 1 }
                if y < topRows {
                    topL += l
                    if l > 85, c < 10 { topBright += 1 }
                }
            }
        }
        let top = Double(topRows * cols)
        return [
            "sky_share": sky / Double(skyRows * cols), "green_share": green / n, "lightness": meanL,
            "warmth": lab.b.reduce(0, +) / n, "top_bright_share": topBright / top, "top_lightness": topL / top,
        ]
    }
}
