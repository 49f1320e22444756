import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@testable import Pose

/// The camera offsets of every frame of a synthetic clip, measured with no walkers.
private func offsets(of clip: SyntheticClip) throws -> [CameraMotion] {
    let decoder = try VideoDecoder(path: clip.path)
    let estimator = CameraMotionEstimator()
    var result: [CameraMotion] = []
    while let frame = try decoder.nextFrame() {
        result.append(estimator.update(GreyThumbnail(frame), walkers: []))
    }
    return result
}

private func clip(_ name: String, pan: (Double, Double)?, fps: Double = 30, duration: Double = 2) throws
    -> SyntheticClip
{
    let dir = try TestFiles.temporaryDirectory("camera")
    return try SyntheticClip.make(
        at: dir.appendingPathComponent(name).path, fps: fps, duration: duration,
        background: pan.map { .texture(panX: $0.0, panY: $0.1) } ?? .plain)
}

@Test(arguments: [(2.5, -1.25), (-9.0, 3.0), (0.4, 0.0)])
func panningBackgroundIsMeasured(panX: Double, panY: Double) throws {
    let motion = try offsets(of: clip("pan.mp4", pan: (panX, panY)))
    #expect(motion.count == 60)
    for (i, m) in motion.enumerated().dropFirst() {
        let previous = motion[i - 1]
        // Each frame's step within a pixel, the running total within a few.
        #expect(abs(m.dx - previous.dx - panX) < 1 && abs(m.dy - previous.dy - panY) < 1, "frame \(i): \(m)")
        #expect(abs(m.dx - Double(i) * panX) < 3 && abs(m.dy - Double(i) * panY) < 3, "frame \(i): \(m)")
        #expect(m.confidence > 0.5, "frame \(i): \(m)")
    }
}

@Test func stillTexturedBackgroundStaysAtZero() throws {
    // The white bar sweeping across is not a walker (nothing masks it): the background must outvote it.
    let motion = try offsets(of: clip("still.mp4", pan: (0, 0)))
    #expect(motion.allSatisfy { abs($0.dx) < 0.5 && abs($0.dy) < 0.5 && $0.confidence > 0.5 })
}

@Test func blankBackgroundGivesLowConfidenceAndNoMotion() throws {
    let motion = try offsets(of: clip("plain.mp4", pan: nil))
    #expect(motion.dropFirst().allSatisfy { $0.dx == 0 && $0.dy == 0 && $0.confidence < 0.2 })
}

/// A large patch moving against the background, given as a walker's box, is left out.
@Test func walkerBoxesAreLeftOut() {
    func frame(_ i: Int) -> RGBFrame {
        let (w, h) = (320, 240)
        var pixels = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                // Background pans 3 px right per frame; the "walker" (x 100..<220) drifts 6 px left per frame.
                let walker = x >= 100 && x < 220
                let v =
                    walker
                    ? SyntheticClip.texture(x: Double(x + 6 * i) + 500, y: Double(y))
                    : SyntheticClip.texture(x: Double(x - 3 * i), y: Double(y))
                pixels[(y * w + x) * 3] = v
                pixels[(y * w + x) * 3 + 1] = v
                pixels[(y * w + x) * 3 + 2] = v
            }
        }
        return RGBFrame(index: i, time: Double(i) / 30, width: w, height: h, pixels: pixels)
    }
    // Landmarks span less than the person: the box is narrower than the patch, the widening covers the rest.
    let box = BoundingBox(x: 110, y: 30, width: 100, height: 180)
    let estimator = CameraMotionEstimator()
    var last = CameraMotion(dx: 0, dy: 0, confidence: 0)
    for i in 0..<6 { last = estimator.update(GreyThumbnail(frame(i)), walkers: [box]) }
    #expect(abs(last.dx - 15) < 1 && abs(last.dy) < 1, "\(last)")
}

/// A portrait video pillarboxed in a landscape frame (bars black here, blurred copies on phones): the bars' edges
/// stand still while the picture pans, and must not outvote the picture beside the walker.
@Test func pillarboxEdgesDoNotVote() {
    func frame(_ i: Int) -> RGBFrame {
        let (w, h) = (320, 240)
        var pixels = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 100..<260 {
                let v = SyntheticClip.texture(x: Double(x - 2 * i), y: Double(y + i))
                for c in 0..<3 { pixels[(y * w + x) * 3 + c] = v }
            }
        }
        return RGBFrame(index: i, time: Double(i) / 30, width: w, height: h, pixels: pixels)
    }
    let box = BoundingBox(x: 200, y: 40, width: 24, height: 160)
    let estimator = CameraMotionEstimator()
    var last = CameraMotion(dx: 0, dy: 0, confidence: 0)
    for i in 0..<10 { last = estimator.update(GreyThumbnail(frame(i)), walkers: [box]) }
    #expect(abs(last.dx - 18) < 1.5 && abs(last.dy + 9) < 1.5, "\(last)")
}

@Test func poseFramesCarryTheCameraOffset() throws {
    let panning = try clip("pan-pose.mp4", pan: (2, 1), fps: 10, duration: 1)
    let frames = try PoseEstimator.runBlocking(
        makeSource: { try VideoDecoder(path: panning.path) }, options: PoseOptions())
    #expect(frames.count == 10)
    for frame in frames {
        let camera = try #require(frame.camera)
        #expect(abs(camera.dx - 2 * Double(frame.frame)) < 1.5 && abs(camera.dy - Double(frame.frame)) < 1.5)
    }
    var off = PoseOptions()
    off.cameraMotion = false
    let unmeasured = try PoseEstimator.runBlocking(
        makeSource: { try VideoDecoder(path: panning.path) }, options: off)
    #expect(unmeasured.allSatisfy { $0.camera == nil })
}
