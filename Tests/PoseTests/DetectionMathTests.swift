import FootfallCore
import Foundation
import Testing

@testable import Pose

@Test func anchorCountAndOrder() {
    let anchors = SSDAnchors.poseDetector
    #expect(anchors.count == 2254)
    // First grid is 28×28 with 2 anchors per cell; the last grid is 7×7 with 6 per cell.
    #expect(anchors[0] == SSDAnchors.Anchor(x: 0.5 / 28, y: 0.5 / 28))
    #expect(anchors[1] == anchors[0])
    #expect(anchors[2] == SSDAnchors.Anchor(x: 1.5 / 28, y: 0.5 / 28))
    #expect(anchors[1568] == SSDAnchors.Anchor(x: 0.5 / 14, y: 0.5 / 14))
    #expect(anchors[2253] == SSDAnchors.Anchor(x: 6.5 / 7, y: 6.5 / 7))
}

@Test func decodesBoxesKeypointsAndScores() {
    let anchors = SSDAnchors.poseDetector
    var boxes = [Float](repeating: 0, count: anchors.count * 12)
    var scores = [Float](repeating: -10, count: anchors.count)
    // Anchor 2 (centre 1.5/28, 0.5/28): offset by (22.4, 11.2) tensor px, 44.8 × 22.4 box, keypoint 1 up by 22.4.
    boxes[24 + 0] = 22.4
    boxes[24 + 1] = 11.2
    boxes[24 + 2] = 44.8
    boxes[24 + 3] = 22.4
    boxes[24 + 7] = -22.4
    scores[2] = 0  // sigmoid(0) = 0.5: kept (≥ threshold)
    scores[3] = -0.01  // just below: dropped
    // A 448×224 frame letterboxes into a 448 square (scale 2, 112 px of padding on top).
    let letterbox = RotatedRect.letterbox(width: 448, height: 224)
    let detections = boxes.withUnsafeBufferPointer { b in
        scores.withUnsafeBufferPointer { s in
            DetectionDecoder.decode(boxes: b, scores: s, anchors: anchors, letterbox: letterbox)
        }
    }
    #expect(detections.count == 1)
    let d = detections[0]
    let cx = (1.5 / 28 + 0.1) * 448
    let cy = (0.5 / 28 + 0.05) * 448 - 112
    #expect(abs(d.score - 0.5) < 1e-12)
    #expect(abs(d.box.x - (cx - 44.8)) < 1e-4 && abs(d.box.width - 89.6) < 1e-4)
    #expect(abs(d.box.y - (cy - 22.4)) < 1e-4 && abs(d.box.height - 44.8) < 1e-4)
    #expect(abs(d.keypoints[0].x - 1.5 / 28 * 448) < 1e-4)
    #expect(abs(d.keypoints[0].y - (0.5 / 28 * 448 - 112)) < 1e-4)
    #expect(abs(d.keypoints[1].y - (d.keypoints[0].y - 44.8)) < 1e-4)
}

@Test func weightedNMSAveragesOverlapsAndKeepsSeedScore() {
    func detection(_ x: Double, _ score: Double) -> PersonDetection {
        PersonDetection(
            box: BoundingBox(x: x, y: 0, width: 10, height: 10),
            keypoints: [Point2D(x: x, y: 0), Point2D(x: x, y: -5)], score: score)
    }
    let merged = DetectionDecoder.weightedNMS([detection(2, 0.6), detection(0, 0.9), detection(100, 0.7)])
    #expect(merged.count == 2)
    #expect(merged[0].score == 0.9)
    #expect(abs(merged[0].box.x - 0.8) < 1e-9)  // (0·0.9 + 2·0.6)/1.5
    #expect(abs(merged[0].keypoints[1].x - 0.8) < 1e-9)
    #expect(merged[1].box.x == 100)
}

@Test func alignmentROIMatchesMediaPipe() {
    // Upright person: body point straight above the hips → rotation 0, side 2.5 × distance.
    let upright = RotatedRect.alignment(start: Point2D(x: 100, y: 200), end: Point2D(x: 100, y: 100))
    #expect(upright.width == 250 && upright.height == 250)
    #expect(abs(upright.rotation) < 1e-12)
    #expect(upright.centerX == 100 && upright.centerY == 200)
    // Body point to the right: rotated 90° clockwise; the top of the crop points at the body point.
    let lying = RotatedRect.alignment(start: Point2D(x: 100, y: 200), end: Point2D(x: 200, y: 200))
    #expect(abs(lying.rotation - Double.pi / 2) < 1e-12)
    let top = lying.point(u: 0.5, v: 0)
    #expect(abs(top.x - 225) < 1e-9 && abs(top.y - 200) < 1e-9)
    #expect(abs(RotatedRect.normalizeAngle(3 * Double.pi / 2) + Double.pi / 2) < 1e-12)
    let box = lying.boundingBox
    #expect(abs(box.x + 25) < 1e-9 && abs(box.width - 250) < 1e-9)
}

@Test func letterboxMapsTensorToFramePixels() {
    let letterbox = RotatedRect.letterbox(width: 768, height: 576)
    #expect(letterbox.width == 768)
    let topLeft = letterbox.point(u: 0, v: 0.125)
    #expect(abs(topLeft.x) < 1e-9 && abs(topLeft.y) < 1e-9)
    let bottomRight = letterbox.point(u: 1, v: 0.875)
    #expect(abs(bottomRight.x - 768) < 1e-9 && abs(bottomRight.y - 576) < 1e-9)
}

@Test func tilesOverlapAndCoverTheFrame() {
    let regions = TileGrid(columns: 3, rows: 2, overlap: 0.25).regions(width: 768, height: 576)
    #expect(regions.count == 6)
    let boxes = regions.map(\.boundingBox)
    #expect(boxes.allSatisfy { abs($0.width - $0.height) < 1e-9 })
    #expect(TileGrid.none.regions(width: 768, height: 576).isEmpty)
    // The last tile ends at the frame's right edge.
    let last = regions[2]
    #expect(abs(last.centerX + 0.5 * 768 / 2.5 - 768) < 1e-9)
}
