import FootfallCore

/// A small grey copy of a frame (each pixel the mean of a `factor`×`factor` block), for measuring camera motion
/// cheaply: at ~160 px wide, a frame costs a few hundred thousand byte reads, against millions of operations for
/// one landmark inference.
struct GreyThumbnail: Sendable {
    let width: Int
    let height: Int
    /// Frame pixels per thumbnail pixel along each axis.
    let factor: Int
    /// Luma-like grey, 0...255, row-major.
    let pixels: [Float]

    init(width: Int, height: Int, factor: Int, pixels: [Float]) {
        self.width = width
        self.height = height
        self.factor = factor
        self.pixels = pixels
    }

    /// `frame` reduced by a whole factor to about `targetWidth` pixels across. Within a large block only every
    /// second row and column is read: still enough averaging to keep compression noise and aliasing out, at a
    /// quarter of the reads.
    init(_ frame: RGBFrame, targetWidth: Int = 160) {
        let factor = max(1, Int((Double(frame.width) / Double(targetWidth)).rounded()))
        let width = max(1, frame.width / factor)
        let height = max(1, frame.height / factor)
        let step = factor >= 6 ? 2 : 1
        let samples = Float(((factor + step - 1) / step) * ((factor + step - 1) / step))
        var pixels = [Float](repeating: 0, count: width * height)
        frame.pixels.withUnsafeBufferPointer { rgb in
            pixels.withUnsafeMutableBufferPointer { out in
                for ty in 0..<height {
                    for tx in 0..<width {
                        var sum = 0
                        for y in stride(from: ty * factor, to: (ty + 1) * factor, by: step) {
                            var o = (y * frame.width + tx * factor) * 3
                            for _ in stride(from: 0, to: factor, by: step) {
                                // Rec. 601 weights in integers: (77 R + 150 G + 29 B) / 256.
                                sum += 77 * Int(rgb[o]) + 150 * Int(rgb[o + 1]) + 29 * Int(rgb[o + 2])
                                o += 3 * step
                            }
                        }
                        out[ty * width + tx] = Float(sum) / (256 * samples)
                    }
                }
            }
        }
        self.init(width: width, height: height, factor: factor, pixels: pixels)
    }

    /// The part of the thumbnail that holds the picture, without letterbox or pillarbox bars (black, or blurred
    /// copies of the picture as phones make them): the rows or columns at the edges with little detail across
    /// them. The bars' inner borders stand still while the picture behind them pans, so blocks on them must not
    /// vote. A blank wall at the edge of an ordinary picture is cut off too, which costs nothing: it has no texture
    /// to match.
    func pictureArea() -> BoundingBox {
        guard width >= 8, height >= 8 else {
            return BoundingBox(x: 0, y: 0, width: Double(width), height: Double(height))
        }
        // Detail along each column (vertical differences) and along each row (horizontal differences).
        var columns = [Float](repeating: 0, count: width)
        var rows = [Float](repeating: 0, count: height)
        for y in 0..<(height - 1) {
            for x in 0..<(width - 1) {
                let p = pixels[y * width + x]
                columns[x] += abs(pixels[(y + 1) * width + x] - p)
                rows[y] += abs(pixels[y * width + x + 1] - p)
            }
        }
        let (x0, x1) = Self.span(columns)
        let (y0, y1) = Self.span(rows)
        return BoundingBox(x: Double(x0), y: Double(y0), width: Double(x1 - x0), height: Double(y1 - y0))
    }

    /// First and last-plus-one index from which two neighbours in a row reach a third of the middle half's median.
    private static func span(_ detail: [Float]) -> (Int, Int) {
        let n = detail.count
        let middle = detail[(n / 4)..<(3 * n / 4)].sorted()
        let threshold = middle[middle.count / 2] / 3
        guard threshold > 0 else { return (0, n) }
        var first = 0
        while first < n / 4, detail[first] < threshold || detail[first + 1] < threshold { first += 1 }
        var last = n - 1
        while last > 3 * n / 4, detail[last] < threshold || detail[last - 1] < threshold { last -= 1 }
        // The border column itself mixes bar and picture: leave it out when there is a bar.
        return (first > 0 ? first + 1 : 0, last < n - 1 ? last : n)
    }

    /// Half the size, each pixel the mean of a 2×2 block (the coarse level of the search).
    func halved() -> GreyThumbnail {
        let w = max(1, width / 2)
        let h = max(1, height / 2)
        var out = [Float](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                let o = 2 * y * width + 2 * x
                let right = min(2 * x + 1, width - 1) - 2 * x
                let down = (min(2 * y + 1, height - 1) - 2 * y) * width
                out[y * w + x] = (pixels[o] + pixels[o + right] + pixels[o + down] + pixels[o + down + right]) / 4
            }
        }
        return GreyThumbnail(width: w, height: h, factor: 2 * factor, pixels: out)
    }
}
