import FootfallCore
import Foundation
import Testing

@testable import Pose

/// The demo's largest walker at frame 50, through the real landmark model.
private struct DemoWalker {
    let frame: RGBFrame
    let roi: RotatedRect
    let result: LandmarkResult
    let model: LandmarkModel

    init() throws {
        let models = try ModelFiles.locate()
        let source = try LimitedSource(path: models.demoVideo, frames: 51)
        var last: RGBFrame?
        while let next = try source.nextFrame() { last = next }
        frame = try #require(last)
        let detector = try PoseDetector(modelPath: models.detector)
        model = try LandmarkModel(modelPath: models.landmarks)
        var best: (RotatedRect, LandmarkResult)?
        for detection in try detector.detect(frame, tiles: TileGrid(columns: 4, rows: 3)) {
            // One refinement step, as tracking does, so the crop is the model's own rather than the detector's.
            let first = try model.run(frame, roi: detection.roi)
            guard first.presence > 0.5 else { continue }
            let roi = RotatedRect.alignment(start: first.auxiliary[0], end: first.auxiliary[1])
            let result = try model.run(frame, roi: roi)
            if result.presence > 0.5, roi.width > best?.0.width ?? 0 { best = (roi, result) }
        }
        let found = try #require(best)
        roi = found.0
        result = found.1
    }
}

private func distance(_ a: Point3D, _ b: Point3D) -> Double {
    ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y) + (a.z - b.z) * (a.z - b.z)).squareRoot()
}

private func mid(_ a: Point3D, _ b: Point3D) -> Point3D {
    Point3D(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2)
}

@Test func worldLandmarksAreMetricHipCentredAndYDown() throws {
    let walker = try DemoWalker()
    let world = walker.result.world
    #expect(world.count == LandmarkIndex.count)
    let hip = mid(world[LandmarkIndex.leftHip.rawValue], world[LandmarkIndex.rightHip.rawValue])
    #expect(distance(hip, Point3D(x: 0, y: 0, z: 0)) < 0.05)
    let shoulders = mid(world[LandmarkIndex.leftShoulder.rawValue], world[LandmarkIndex.rightShoulder.rawValue])
    let ankles = mid(world[LandmarkIndex.leftAnkle.rawValue], world[LandmarkIndex.rightAnkle.rawValue])
    let span = distance(shoulders, ankles)
    #expect(span > 1.0 && span < 1.6, "shoulder-to-ankle \(span) m")
    #expect(ankles.y > shoulders.y + 0.8)
}

/// The picture turned a quarter clockwise, cropped by the same ROI turned with it: the model sees the same pixels,
/// and undoing the ROI rotation must give the first result in the turned picture's axes, (x, y) → (−y, x). A wrong
/// sign in the projection would turn it the other way (off by 180°).
@Test func worldLandmarksFollowTheCropRotation() throws {
    let walker = try DemoWalker()
    let turned = turnClockwise(walker.frame)
    var roi = walker.roi
    roi.centerX = Double(walker.frame.height - 1) - walker.roi.centerY
    roi.centerY = walker.roi.centerX
    roi.rotation = RotatedRect.normalizeAngle(walker.roi.rotation + Double.pi / 2)
    let result = try walker.model.run(turned, roi: roi)
    #expect(result.presence > 0.5)
    let expected = walker.result.world.map { Point3D(x: -$0.y, y: $0.x, z: $0.z) }
    let errors = zip(result.world, expected).map { distance($0, $1) }.sorted()
    #expect(errors[errors.count / 2] < 0.01, "median \(errors[errors.count / 2]) m")
    #expect(errors.last ?? 1 < 0.05, "max \(errors.last ?? 1) m")
}

@Test func worldSmoothingFiltersInMetres() {
    var smoother = LandmarkSmoother.world()
    let still = Array(repeating: Point3D(x: 0.1, y: -0.5, z: 0.2), count: LandmarkIndex.count)
    #expect(smoother.smooth(still, time: 0) == still)
    let moved = still.map { Point3D(x: $0.x + 0.01, y: $0.y, z: $0.z) }
    let out = smoother.smooth(moved, time: 1.0 / 30)
    // Part of a 1 cm jump gets through at once (cutoff 0.1 Hz + 40·|speed|), but not all of it.
    #expect(out[0].x > 0.1 && out[0].x < 0.11)
    #expect(out[0].y == -0.5)
}

/// The frame turned 90° clockwise: pixel (x, y) moves to (height − 1 − y, x).
private func turnClockwise(_ frame: RGBFrame) -> RGBFrame {
    let (w, h) = (frame.width, frame.height)
    var pixels = [UInt8](repeating: 0, count: w * h * 3)
    for y in 0..<h {
        for x in 0..<w {
            let source = (y * w + x) * 3
            let target = (x * h + (h - 1 - y)) * 3
            pixels[target] = frame.pixels[source]
            pixels[target + 1] = frame.pixels[source + 1]
            pixels[target + 2] = frame.pixels[source + 2]
        }
    }
    return RGBFrame(index: frame.index, time: frame.time, width: h, height: w, pixels: pixels)
}
