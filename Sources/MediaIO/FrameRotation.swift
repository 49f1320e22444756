/// Turns packed RGB24 pictures upright. Done after scaling, so it works on small frames.
enum FrameRotation {
    /// Copies `height` rows of `width` RGB pixels from `source` (row stride `stride` bytes), rotated clockwise by
    /// `degrees` (0, 90, 180, 270). The result is tightly packed; for 90/270 its width and height are swapped.
    static func copy(
        from source: UnsafePointer<UInt8>, stride: Int, width: Int, height: Int, clockwise degrees: Int
    ) -> [UInt8] {
        let count = width * height * 3
        return [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            guard let dst = out.baseAddress else { return }
            switch degrees {
            case 90:
                // Source (x, y) goes to (height - 1 - y, x) in a picture `height` wide.
                for y in 0..<height {
                    let row = source + y * stride
                    let column = height - 1 - y
                    for x in 0..<width {
                        let d = dst + (x * height + column) * 3
                        let s = row + x * 3
                        d[0] = s[0]
                        d[1] = s[1]
                        d[2] = s[2]
                    }
                }
            case 180:
                for y in 0..<height {
                    let row = source + y * stride
                    let outRow = dst + (height - 1 - y) * width * 3
                    for x in 0..<width {
                        let d = outRow + (width - 1 - x) * 3
                        let s = row + x * 3
                        d[0] = s[0]
                        d[1] = s[1]
                        d[2] = s[2]
                    }
                }
            case 270:
                // Source (x, y) goes to (y, width - 1 - x) in a picture `height` wide.
                for y in 0..<height {
                    let row = source + y * stride
                    for x in 0..<width {
                        let d = dst + ((width - 1 - x) * height + y) * 3
                        let s = row + x * 3
                        d[0] = s[0]
                        d[1] = s[1]
                        d[2] = s[2]
                    }
                }
            default:
                for y in 0..<height {
                    (dst + y * width * 3).update(from: source + y * stride, count: width * 3)
                }
            }
            initialized = count
        }
    }
}
