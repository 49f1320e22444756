import FootfallCore
import Foundation

/// Samples a rotated rectangle of an RGB frame into a square float tensor, the way MediaPipe's
/// ImageToTensorCalculator does on CPU (OpenCV bilinear warp on 8-bit pixels): source coordinates are quantized to
/// 1/32 pixel, the bilinear result is rounded to an integer, then mapped to `value·scale + offset`.
/// Tensor pixel (u, v) samples the source at `rect.point(u/S, v/S)` (no half-pixel shift), as MediaPipe does.
public enum ImageWarp {
    public enum Border: Sendable {
        /// Outside pixels are black (value 0 before scaling): the detector's letterbox padding.
        case zero
        /// Outside pixels repeat the nearest edge pixel: the landmark model's crop.
        case replicate
    }

    /// Writes `size`×`size`×3 floats (NHWC, RGB) into `output`.
    public static func warp(
        _ frame: RGBFrame, rect: RotatedRect, size: Int, border: Border, scale: Float, offset: Float,
        into output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(output.count >= size * size * 3, "tensor buffer too small")
        let limit = 1e7  // keeps the fixed-point source coordinates far from Int overflow
        guard [rect.centerX, rect.centerY, rect.width, rect.height].allSatisfy({ $0.isFinite && abs($0) < limit }),
            rect.rotation.isFinite, frame.width > 0, frame.height > 0
        else {
            for i in 0..<(size * size * 3) { output[i] = offset }
            return
        }
        let c = cos(rect.rotation)
        let s = sin(rect.rotation)
        // Affine map from tensor pixel (u, v) to source pixel, in source-pixel units.
        let ux = c * rect.width / Double(size)
        let uy = s * rect.width / Double(size)
        let vx = -s * rect.height / Double(size)
        let vy = c * rect.height / Double(size)
        let x0 = rect.centerX - 0.5 * (c * rect.width - s * rect.height)
        let y0 = rect.centerY - 0.5 * (s * rect.width + c * rect.height)
        let width = frame.width
        let height = frame.height
        let replicate = border == .replicate
        frame.pixels.withUnsafeBufferPointer { source in
            guard let src = source.baseAddress else { return }
            var o = 0
            for v in 0..<size {
                let rowX = x0 + vx * Double(v)
                let rowY = y0 + vy * Double(v)
                for u in 0..<size {
                    let qx = Int(((rowX + ux * Double(u)) * 32).rounded())
                    let qy = Int(((rowY + uy * Double(u)) * 32).rounded())
                    let ix = qx >> 5
                    let iy = qy >> 5
                    let fx = Float(qx & 31) / 32
                    let fy = Float(qy & 31) / 32
                    let w00 = (1 - fx) * (1 - fy)
                    let w01 = fx * (1 - fy)
                    let w10 = (1 - fx) * fy
                    let w11 = fx * fy
                    if ix >= 0, iy >= 0, ix + 1 < width, iy + 1 < height {
                        let p = (iy * width + ix) * 3
                        let q = p + width * 3
                        for ch in 0..<3 {
                            let value =
                                w00 * Float(src[p + ch]) + w01 * Float(src[p + 3 + ch]) + w10 * Float(src[q + ch])
                                + w11 * Float(src[q + 3 + ch])
                            output[o + ch] = (value + 0.5).rounded(.down) * scale + offset
                        }
                    } else {
                        for ch in 0..<3 {
                            let value =
                                w00 * sample(src, ix, iy, ch, width, height, replicate)
                                + w01 * sample(src, ix + 1, iy, ch, width, height, replicate)
                                + w10 * sample(src, ix, iy + 1, ch, width, height, replicate)
                                + w11 * sample(src, ix + 1, iy + 1, ch, width, height, replicate)
                            output[o + ch] = (value + 0.5).rounded(.down) * scale + offset
                        }
                    }
                    o += 3
                }
            }
        }
    }

    @inline(__always)
    private static func sample(
        _ src: UnsafePointer<UInt8>, _ x: Int, _ y: Int, _ ch: Int, _ width: Int, _ height: Int, _ replicate: Bool
    ) -> Float {
        if x >= 0, y >= 0, x < width, y < height { return Float(src[(y * width + x) * 3 + ch]) }
        guard replicate else { return 0 }
        let cx = min(max(x, 0), width - 1)
        let cy = min(max(y, 0), height - 1)
        return Float(src[(cy * width + cx) * 3 + ch])
    }
}
