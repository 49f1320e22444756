import FootfallCore
import Foundation

@testable import Surface

/// Ground textures drawn from scratch (seeded, so every run sees the same pixels), each made to look like
/// its surface in the ways a camera would show it: colour, grain, joints, glints.
enum SyntheticGround {
    static let size = 96

    struct Canvas {
        var r: [Double]
        var g: [Double]
        var b: [Double]
        let n: Int

        init(_ n: Int, _ c: (Double, Double, Double)) {
            self.n = n
            r = [Double](repeating: c.0, count: n * n)
            g = [Double](repeating: c.1, count: n * n)
            b = [Double](repeating: c.2, count: n * n)
        }

        mutating func add(_ i: Int, _ d: (Double, Double, Double)) {
            r[i] += d.0
            g[i] += d.1
            b[i] += d.2
        }

        mutating func set(_ x: Int, _ y: Int, _ c: (Double, Double, Double)) {
            guard x >= 0, y >= 0, x < n, y < n else { return }
            let i = y * n + x
            (r[i], g[i], b[i]) = c
        }

        mutating func noise(_ sigma: Double, _ rng: inout SeededRandom, colored: Bool = false) {
            for i in 0..<(n * n) {
                let v = (rng.unit() - 0.5) * 2 * sigma * 1.7
                if colored {
                    add(i, (v, (rng.unit() - 0.5) * 3.4 * sigma, (rng.unit() - 0.5) * 3.4 * sigma))
                } else {
                    add(i, (v, v, v))
                }
            }
        }

        mutating func disc(_ cx: Double, _ cy: Double, _ radius: Double, _ c: (Double, Double, Double)) {
            let r0 = Int(radius.rounded(.up))
            for dy in -r0...r0 {
                for dx in -r0...r0 where Double(dx * dx + dy * dy) <= radius * radius {
                    set(Int(cx) + dx, Int(cy) + dy, c)
                }
            }
        }

        var image: PatchImage {
            var p = [UInt8](repeating: 0, count: n * n * 3)
            for i in 0..<(n * n) {
                p[i * 3] = UInt8(min(255, max(0, r[i])))
                p[i * 3 + 1] = UInt8(min(255, max(0, g[i])))
                p[i * 3 + 2] = UInt8(min(255, max(0, b[i])))
            }
            return PatchImage(width: n, height: n, pixels: p)
        }
    }

    static func make(_ kind: SurfaceKind, seed: UInt64 = 1) -> PatchImage {
        var rng = SeededRandom(seed: seed, stream: UInt64(SurfaceKind.allCases.firstIndex(of: kind) ?? 0))
        let n = size
        switch kind {
        case .grass:
            var c = Canvas(n, (70, 120, 40))
            for _ in 0..<500 {  // short blades, mostly upright, light and dark
                let x = rng.uniform(0...Double(n))
                let y = rng.uniform(0...Double(n))
                let shade = rng.uniform(-40...40)
                let col = (70 + shade * 0.6 + rng.uniform(0...30), 125 + shade, 40 + shade * 0.4)
                let lean = rng.uniform(-0.4...0.4)
                for t in 0..<6 { c.set(Int(x + lean * Double(t)), Int(y) - t, col) }
            }
            c.noise(8, &rng)
            return c.image
        case .concrete:
            var c = Canvas(n, (128, 127, 124))
            for i in 0..<(n * n) {  // soft mottling plus fine speckle
                let x = Double(i % n)
                let y = Double(i / n)
                let m = 4 * sin(x / 13) * cos(y / 17)
                c.add(i, (m, m, m))
            }
            c.noise(5, &rng)
            return c.image
        case .tile:
            var c = Canvas(n, (205, 200, 190))
            for i in 0..<(n * n) where (i % n) % 24 < 3 || (i / n) % 24 < 3 { c.set(i % n, i / n, (90, 88, 85)) }
            c.noise(3, &rng)
            return c.image
        case .wood:
            var c = Canvas(n, (150, 95, 50))
            for y in 0..<n {
                let plank = y / 16
                let tone = Double((plank * 37) % 5) * 8 - 16
                for x in 0..<n {
                    let grain = 10 * sin(Double(x) / 3.0 + Double(y) * 0.9 + Double(plank) * 2)
                    let seam = y % 16 < 2 ? -70.0 : 0
                    c.add(
                        y * n + x, (tone + grain * 0.6 + seam, tone * 0.7 + grain * 0.4 + seam, tone * 0.4 + seam * 0.5)
                    )
                }
            }
            c.noise(3, &rng)
            return c.image
        case .snow:
            var c = Canvas(n, (238, 241, 248))
            c.noise(3, &rng)
            return c.image
        case .gravel:
            var c = Canvas(n, (70, 65, 60))
            for _ in 0..<900 {
                let v = rng.uniform(90...210)
                let tint = (rng.uniform(-25...25), rng.uniform(-20...20), rng.uniform(-30...20))
                c.disc(
                    rng.uniform(0...Double(n)), rng.uniform(0...Double(n)), rng.uniform(1.2...2.6),
                    (v + tint.0, v + tint.1, v + tint.2))
            }
            c.noise(6, &rng)
            return c.image
        case .sand:
            var c = Canvas(n, (205, 175, 125))
            c.noise(6, &rng)
            return c.image
        case .leaves:
            var c = Canvas(n, (90, 60, 30))
            let palette: [(Double, Double, Double)] = [
                (200, 90, 20), (170, 50, 25), (120, 75, 35), (210, 160, 40), (110, 110, 40),
            ]
            for _ in 0..<160 {
                let col = palette[Int(rng.unit() * Double(palette.count)) % palette.count]
                c.disc(rng.uniform(0...Double(n)), rng.uniform(0...Double(n)), rng.uniform(3...6), col)
            }
            c.noise(6, &rng)
            return c.image
        case .wet:
            var c = Canvas(n, (55, 57, 62))
            for i in 0..<(n * n) {
                let x = Double(i % n)
                let y = Double(i / n)
                let m = 6 * sin(x / 9 + y / 23)
                c.add(i, (m, m, m))
            }
            for _ in 0..<60 {
                c.disc(rng.uniform(0...Double(n)), rng.uniform(0...Double(n)), rng.uniform(0.8...2.0), (235, 238, 240))
            }
            c.noise(3, &rng)
            return c.image
        case .metal:
            var c = Canvas(n, (140, 144, 150))
            for y in stride(from: 4, to: n, by: 12) {  // diamond plate: regular raised bars with a lit edge
                for x in stride(from: (y / 12) % 2 * 6 + 3, to: n, by: 12) {
                    for t in 0..<6 {
                        c.set(x + t, y + t, (230, 232, 236))
                        c.set(x + t + 1, y + t, (80, 82, 86))
                    }
                }
            }
            c.noise(2, &rng)
            return c.image
        }
    }

    /// A frame of `width`×`height` filled with `kind`'s texture tiled, for sampler and analyzer tests.
    static func frame(_ kind: SurfaceKind, index: Int, time: Double, width: Int = 320, height: Int = 240) -> RGBFrame {
        let t = make(kind)
        var p = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let s = ((y % t.height) * t.width + x % t.width) * 3
                let d = (y * width + x) * 3
                p[d] = t.pixels[s]
                p[d + 1] = t.pixels[s + 1]
                p[d + 2] = t.pixels[s + 2]
            }
        }
        return RGBFrame(index: index, time: time, width: width, height: height, pixels: p)
    }
}
