/// One decoded, upright picture: tightly packed RGB24 rows, with its presentation time from the stream's PTS.
public struct RGBFrame: Sendable {
    /// Decode order index, starting at 0.
    public var index: Int
    /// Presentation time in seconds from the start of the video (PTS based, never index / fps).
    public var time: Double
    public var width: Int
    public var height: Int
    /// `width * height * 3` bytes, row-major, no padding.
    public var pixels: [UInt8]

    public init(index: Int, time: Double, width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3, "RGBFrame needs width*height*3 bytes")
        self.index = index
        self.time = time
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The RGB value at (x, y); coordinates are clamped to the picture.
    @inlinable
    public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
        let cx = min(max(x, 0), width - 1)
        let cy = min(max(y, 0), height - 1)
        let o = (cy * width + cx) * 3
        return (pixels[o], pixels[o + 1], pixels[o + 2])
    }
}
