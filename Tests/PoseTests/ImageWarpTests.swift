import FootfallCore
import Testing

@testable import Pose

private func gradientFrame(width: Int, height: Int) -> RGBFrame {
    var pixels = [UInt8](repeating: 0, count: width * height * 3)
    for y in 0..<height {
        for x in 0..<width {
            let o = (y * width + x) * 3
            pixels[o] = UInt8(x % 256)
            pixels[o + 1] = UInt8(y % 256)
            pixels[o + 2] = 200
        }
    }
    return RGBFrame(index: 0, time: 0, width: width, height: height, pixels: pixels)
}

@Test func identityWarpCopiesPixels() {
    let frame = gradientFrame(width: 16, height: 16)
    var out = [Float](repeating: -5, count: 16 * 16 * 3)
    out.withUnsafeMutableBufferPointer { buffer in
        ImageWarp.warp(
            frame, rect: .letterbox(width: 16, height: 16), size: 16, border: .zero, scale: 1, offset: 0, into: buffer)
    }
    for i in 0..<(16 * 16 * 3) { #expect(out[i] == Float(frame.pixels[i])) }
}

@Test func letterboxPadsWithZeroAndCropReplicatesEdges() {
    let frame = gradientFrame(width: 16, height: 8)
    var out = [Float](repeating: 0, count: 16 * 16 * 3)
    out.withUnsafeMutableBufferPointer { buffer in
        ImageWarp.warp(
            frame, rect: .letterbox(width: 16, height: 8), size: 16, border: .zero, scale: 2 / 255, offset: -1,
            into: buffer)
    }
    #expect(out[0] == -1 && out[2] == -1)  // top padding row
    let expected: Float = 200 * 2 / 255 - 1
    let inside = out[(5 * 16 + 3) * 3 + 2]  // row 5 samples source row 1
    #expect(abs(inside - expected) < 1e-6)
    // A crop reaching 4 px left of the frame repeats column 0.
    let rect = RotatedRect(centerX: 4, centerY: 4, width: 16, height: 16)
    out.withUnsafeMutableBufferPointer { buffer in
        ImageWarp.warp(frame, rect: rect, size: 16, border: .replicate, scale: 1, offset: 0, into: buffer)
    }
    #expect(out[(8 * 16 + 0) * 3] == 0 && out[(8 * 16 + 0) * 3 + 2] == 200)
    #expect(out[(8 * 16 + 5) * 3] == 1)  // column 5 samples source x = 1
}
