import FootfallCore
import Foundation
import MediaIO
import Pose
import Report

/// Picks a few frames worth showing in a report (spread over the video, preferring frames with more walkers),
/// draws the skeletons on them while frames stream past, and keeps small PNGs only.
struct KeyFrameCollector {
    private(set) var pictures: [ReportData.Picture] = []
    private let wanted: [Int: PoseFrame]
    private let maxWidth: Int

    init(poseFrames: [PoseFrame], frameCount: Int, count: Int = 3, maxWidth: Int = 480) {
        self.maxWidth = maxWidth
        var chosen: [Int: PoseFrame] = [:]
        let total = max(frameCount, poseFrames.count, 1)
        for k in 0..<count {
            // Within each slice of the video, the frame with the most walkers (the first such, for determinism).
            let lo = total * k / count
            let hi = total * (k + 1) / count
            let slice = poseFrames.filter { $0.frame >= lo && $0.frame < hi }
            if let best = slice.max(by: { ($0.walkers.count, -$0.frame) < ($1.walkers.count, -$1.frame) }) {
                chosen[best.frame] = best
            } else if poseFrames.isEmpty {
                chosen[(lo + hi) / 2] = PoseFrame(time: 0, frame: (lo + hi) / 2, walkers: [])
            }
        }
        wanted = chosen
    }

    var isDone: Bool { pictures.count >= wanted.count }

    mutating func consume(_ frame: RGBFrame) {
        guard let pose = wanted[frame.index] else { return }
        var drawn = frame
        SkeletonRenderer(lineWidth: max(2, frame.width / 320)).draw(pose, on: &drawn)
        let small = drawn.downscaled(maxWidth: maxWidth)
        guard let png = try? PNGWriter.encode(small) else { return }
        let ids = pose.walkers.map { "\($0.walker)" }.joined(separator: ", ")
        pictures.append(
            .init(
                caption:
                    "frame \(frame.index) at \(String(format: "%.2f", frame.time)) s — walkers: \(ids.isEmpty ? "none" : ids)",
                png: Data(png)))
    }
}

extension RGBFrame {
    /// A box-filtered smaller copy (same aspect), or self when already small enough.
    func downscaled(maxWidth: Int) -> RGBFrame {
        guard width > maxWidth, maxWidth > 0 else { return self }
        let factor = (width + maxWidth - 1) / maxWidth
        let w = width / factor
        let h = max(height / factor, 1)
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                for c in 0..<3 {
                    var sum = 0
                    for dy in 0..<factor {
                        let row = (y * factor + dy) * width
                        for dx in 0..<factor { sum += Int(pixels[(row + x * factor + dx) * 3 + c]) }
                    }
                    out[(y * w + x) * 3 + c] = UInt8(sum / (factor * factor))
                }
            }
        }
        return RGBFrame(index: index, time: time, width: w, height: h, pixels: out)
    }
}
