import FootfallCore

/// A small RGB picture (a ground patch, a contact sheet): tightly packed RGB24 rows.
public struct PatchImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `width * height * 3` bytes, row-major.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3, "PatchImage needs width*height*3 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A plain image of one colour.
    public init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8) = (0, 0, 0)) {
        self.width = width
        self.height = height
        var p = [UInt8](repeating: 0, count: width * height * 3)
        for i in stride(from: 0, to: p.count, by: 3) {
            p[i] = fill.0
            p[i + 1] = fill.1
            p[i + 2] = fill.2
        }
        self.pixels = p
    }

    /// Copies a rectangle out of a frame; the rectangle must lie inside the frame.
    public init(cropping frame: RGBFrame, x: Int, y: Int, width: Int, height: Int) {
        var p = [UInt8](repeating: 0, count: width * height * 3)
        let rowBytes = width * 3
        frame.pixels.withUnsafeBufferPointer { src in
            for row in 0..<height {
                let s = ((y + row) * frame.width + x) * 3
                for i in 0..<rowBytes { p[row * rowBytes + i] = src[s + i] }
            }
        }
        self.init(width: width, height: height, pixels: p)
    }

    /// Box-filtered (area average) resample to a new size; upsampling repeats pixels.
    public func resized(width w: Int, height h: Int) -> PatchImage {
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for oy in 0..<h {
            let y0 = oy * height / h
            let y1 = max(y0 + 1, (oy + 1) * height / h)
            for ox in 0..<w {
                let x0 = ox * width / w
                let x1 = max(x0 + 1, (ox + 1) * width / w)
                var sum = (0, 0, 0)
                for y in y0..<y1 {
                    for x in x0..<x1 {
                        let o = (y * width + x) * 3
                        sum.0 += Int(pixels[o])
                        sum.1 += Int(pixels[o + 1])
                        sum.2 += Int(pixels[o + 2])
                    }
                }
                let n = (y1 - y0) * (x1 - x0)
                let o = (oy * w + ox) * 3
                out[o] = UInt8(sum.0 / n)
                out[o + 1] = UInt8(sum.1 / n)
                out[o + 2] = UInt8(sum.2 / n)
            }
        }
        return PatchImage(width: w, height: h, pixels: out)
    }

    /// Pastes `other` with its top-left corner at (x, y), clipping at the borders.
    public mutating func paste(_ other: PatchImage, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for col in 0..<other.width where x + col >= 0 && x + col < width {
                let d = ((y + row) * width + x + col) * 3
                let s = (row * other.width + col) * 3
                pixels[d] = other.pixels[s]
                pixels[d + 1] = other.pixels[s + 1]
                pixels[d + 2] = other.pixels[s + 2]
            }
        }
    }

    /// Fills a rectangle, clipping at the borders.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, color: (UInt8, UInt8, UInt8)) {
        let (x0, x1, y0, y1) = (max(0, x), min(width, x + w), max(0, y), min(height, y + h))
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for col in x0..<x1 {
                let d = (row * width + col) * 3
                pixels[d] = color.0
                pixels[d + 1] = color.1
                pixels[d + 2] = color.2
            }
        }
    }

    /// Binary PPM (P6): a dependency-free format for development dumps.
    public var ppm: [UInt8] {
        Array("P6\n\(width) \(height)\n255\n".utf8) + pixels
    }
}
