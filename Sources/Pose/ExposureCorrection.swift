import FootfallCore
import Foundation

/// Brightens dark frames before BlazePose sees them. The models were trained on well-lit people: in a dark
/// interior (the wtm_gt_001 dev clip, luma p90 ≈ 35) the detector finds the walker in 3 of 60 frames, brightened
/// in 20. A gamma curve lifts the shadows where the people are without clipping lamps and windows; frames that
/// are not dark are passed through untouched, so ordinary footage gives exactly the same landmarks.
public struct ExposureCorrection: Sendable {
    /// Frames whose 90th-percentile luma is below this are dark.
    public var darkPercentile90 = 100.0
    /// The gamma is chosen so that the 90th percentile lands here…
    public var targetPercentile90 = 150.0
    /// …but never stronger than this (noise grows with the lift).
    public var minGamma = 0.35

    public init() {}

    /// The gamma for a frame, or nil when it is bright enough to leave alone.
    public func gamma(for frame: RGBFrame) -> Double? {
        guard let p90 = Self.lumaPercentile(frame, 0.9), p90 < darkPercentile90 else { return nil }
        let level = max(p90, 1) / 255
        return max(minGamma, min(1, log(targetPercentile90 / 255) / log(level)))
    }

    /// The frame itself when it is not dark, otherwise a brightened copy.
    public func apply(to frame: RGBFrame) -> RGBFrame {
        guard let gamma = gamma(for: frame) else { return frame }
        let table = (0..<256).map { UInt8(min(255, (255 * pow(Double($0) / 255, gamma)).rounded())) }
        var out = frame
        out.pixels.withUnsafeMutableBufferPointer { pixels in
            for i in pixels.indices { pixels[i] = table[Int(pixels[i])] }
        }
        return out
    }

    /// A luma percentile (0–255) from a grid of about 4 000 pixels.
    static func lumaPercentile(_ frame: RGBFrame, _ fraction: Double) -> Double? {
        guard frame.width > 0, frame.height > 0 else { return nil }
        let step = max(1, Int((Double(frame.width * frame.height) / 4000).squareRoot()))
        var histogram = [Int](repeating: 0, count: 256)
        var count = 0
        frame.pixels.withUnsafeBufferPointer { p in
            for y in stride(from: step / 2, to: frame.height, by: step) {
                for x in stride(from: step / 2, to: frame.width, by: step) {
                    let o = (y * frame.width + x) * 3
                    // BT.601 luma in integers.
                    let luma = (299 * Int(p[o]) + 587 * Int(p[o + 1]) + 114 * Int(p[o + 2])) / 1000
                    histogram[luma] += 1
                    count += 1
                }
            }
        }
        guard count > 0 else { return nil }
        let wanted = Int((fraction * Double(count)).rounded(.up))
        var seen = 0
        for (level, n) in histogram.enumerated() {
            seen += n
            if seen >= wanted { return Double(level) }
        }
        return 255
    }
}
