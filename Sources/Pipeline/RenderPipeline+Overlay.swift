import Export
import FootfallCore
import Foundation
import MediaIO
import Pose
import Surface

extension RenderPipeline {
    /// A copy of the video with skeletons and walker ids, a flash at each heel strike (blue left, red right), the
    /// surface under the step, and the new footstep track: the quickest way to judge sync by eye and ear.
    func writeOverlay(
        to path: String, info: VideoInfo, poseFrames: [PoseFrame], document: StepsDocument, audio: any AudioBlockSource
    )
        throws
    {
        let decoder = try VideoDecoder(path: info.path)
        let encoder = try VideoEncoder(
            path: path, width: decoder.outputWidth, height: decoder.outputHeight,
            options: VideoEncoderOptions(frameRate: info.frameRate, audio: audio))
        let poses = Dictionary(poseFrames.map { ($0.frame, $0) }, uniquingKeysWith: { a, _ in a })
        let skeleton = SkeletonRenderer(lineWidth: max(2, decoder.outputWidth / 320))
        let steps = document.steps.sorted { $0.time < $1.time }
        let flash = max(0.1, 1.5 / max(info.frameRate, 1))  // visible for at least one frame even at low frame rates
        let scale = max(1, decoder.outputHeight / 240)
        var first = 0
        while var frame = try decoder.nextFrame() {
            if let pose = poses[frame.index] { skeleton.draw(pose, on: &frame) }
            while first < steps.count, steps[first].time < frame.time - flash { first += 1 }
            var image = PatchImage(width: frame.width, height: frame.height, pixels: frame.pixels)
            for step in steps[first...].prefix(while: { $0.time <= frame.time + 0.5 / max(info.frameRate, 1) }) {
                let color: (UInt8, UInt8, UInt8) = step.foot == .left ? (40, 120, 255) : (255, 50, 50)
                let x = Int(step.position?.x ?? Double(frame.width) / 2)
                let y = Int(step.position?.y ?? Double(frame.height) - 20)
                let r = max(6, Int((step.walkerHeight ?? 100) / 12))
                image.fill(x: x - r, y: y - r / 3, width: 2 * r, height: max(2 * r / 3, 3), color: color)
                image.fill(x: 0, y: 0, width: frame.width, height: 3 * scale, color: color)
                let label = "W\(step.walker) \(step.foot == .left ? "L" : "R") \(step.surface ?? "")"
                TinyFont.draw(
                    label, on: &image, x: max(0, x - r), y: max(0, y - r - 8 * scale), scale: scale, color: color)
            }
            frame.pixels = image.pixels
            try encoder.append(frame)
            try Task.checkCancellation()
        }
        try encoder.finish()
        logger.info("overlay: \(path)")
    }
}
