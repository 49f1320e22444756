import FootfallCore
import Foundation

/// Minimal RGB24 raster drawing (lines, discs, bitmap digits) with clipping.
struct Canvas {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    mutating func set(_ x: Int, _ y: Int, _ color: (UInt8, UInt8, UInt8)) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let o = (y * width + x) * 3
        pixels[o] = color.0
        pixels[o + 1] = color.1
        pixels[o + 2] = color.2
    }

    mutating func disc(x: Double, y: Double, radius: Double, color: (UInt8, UInt8, UInt8)) {
        guard x.isFinite, y.isFinite, abs(x) < 1e6, abs(y) < 1e6, radius > 0 else { return }
        let r = Int(radius.rounded(.up))
        let cx = Int(x.rounded())
        let cy = Int(y.rounded())
        for dy in -r...r {
            for dx in -r...r where Double(dx * dx + dy * dy) <= radius * radius { set(cx + dx, cy + dy, color) }
        }
    }

    mutating func line(from a: Landmark, to b: Landmark, width lineWidth: Int, color: (UInt8, UInt8, UInt8)) {
        guard [a.x, a.y, b.x, b.y].allSatisfy({ $0.isFinite && abs($0) < 1e5 }) else { return }
        let length = max(abs(b.x - a.x), abs(b.y - a.y))
        let steps = max(1, Int(length.rounded(.up)))
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            disc(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, radius: Double(lineWidth) / 2, color: color)
        }
    }

    /// 3×5 bitmap digits, each cell `scale` pixels.
    static let glyphs: [Character: [String]] = [
        "0": ["111", "101", "101", "101", "111"], "1": ["010", "110", "010", "010", "111"],
        "2": ["111", "001", "111", "100", "111"], "3": ["111", "001", "111", "001", "111"],
        "4": ["101", "101", "111", "001", "001"], "5": ["111", "100", "111", "001", "111"],
        "6": ["111", "100", "111", "101", "111"], "7": ["111", "001", "010", "010", "010"],
        "8": ["111", "101", "111", "101", "111"], "9": ["111", "101", "111", "001", "111"],
        "-": ["000", "000", "111", "000", "000"],
    ]

    mutating func text(_ string: String, x: Int, y: Int, scale: Int, color: (UInt8, UInt8, UInt8)) {
        var originX = x
        for character in string {
            if let rows = Self.glyphs[character] {
                // Dark outline first so the digits read on any background.
                for pass in 0..<2 {
                    let ink: (UInt8, UInt8, UInt8) = pass == 0 ? (0, 0, 0) : color
                    let grow = pass == 0 ? 1 : 0
                    for (row, bits) in rows.enumerated() {
                        for (column, bit) in bits.enumerated() where bit == "1" {
                            for py in (row * scale - grow)..<((row + 1) * scale + grow) {
                                for px in (column * scale - grow)..<((column + 1) * scale + grow) {
                                    set(originX + px, y + py, ink)
                                }
                            }
                        }
                    }
                }
            }
            originX += 4 * scale
        }
    }
}
