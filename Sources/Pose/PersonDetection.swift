import FootfallCore
import Foundation

/// One detector hit in upright-frame pixels. `box` is the face box the detector regresses; keypoints are
/// 0 hip centre, 1 full-body size/rotation point, 2 shoulder centre, 3 upper-body size/rotation point.
public struct PersonDetection: Sendable, Equatable {
    public var box: BoundingBox
    public var keypoints: [Point2D]
    public var score: Double

    public init(box: BoundingBox, keypoints: [Point2D], score: Double) {
        self.box = box
        self.keypoints = keypoints
        self.score = score
    }

    /// The landmark model's crop for this person (MediaPipe's pose_detection_to_roi).
    public var roi: RotatedRect { RotatedRect.alignment(start: keypoints[0], end: keypoints[1]) }

    /// Person height estimate in pixels: the ROI side is 2.5 × the hip-to-size-point distance and covers the body.
    public var personSize: Double { roi.width / 1.25 }
}

/// Turns the detector's raw tensors into detections (MediaPipe's TensorsToDetections + weighted NMS).
public enum DetectionDecoder {
    public static let coordinatesPerAnchor = 12
    public static let inputSize = 224.0

    /// Decodes anchors whose score ≥ `minScore`; coordinates are mapped through `letterbox` (the square that was
    /// sampled into the 224 tensor) to frame pixels.
    public static func decode(
        boxes: UnsafeBufferPointer<Float>, scores: UnsafeBufferPointer<Float>, anchors: [SSDAnchors.Anchor],
        letterbox: RotatedRect, minScore: Double = 0.5
    ) -> [PersonDetection] {
        var detections: [PersonDetection] = []
        let count = min(anchors.count, scores.count, boxes.count / coordinatesPerAnchor)
        for i in 0..<count {
            let logit = min(max(Double(scores[i]), -100), 100)
            let score = 1 / (1 + exp(-logit))
            guard score >= minScore else { continue }
            let r = i * coordinatesPerAnchor
            let anchor = anchors[i]
            let cx = Double(boxes[r]) / inputSize + anchor.x
            let cy = Double(boxes[r + 1]) / inputSize + anchor.y
            let w = Double(boxes[r + 2]) / inputSize
            let h = Double(boxes[r + 3]) / inputSize
            guard w >= 0, h >= 0 else { continue }  // also drops NaN
            let topLeft = letterbox.point(u: cx - w / 2, v: cy - h / 2)
            let bottomRight = letterbox.point(u: cx + w / 2, v: cy + h / 2)
            var keypoints: [Point2D] = []
            for k in 0..<4 {
                let kx = Double(boxes[r + 4 + 2 * k]) / inputSize + anchor.x
                let ky = Double(boxes[r + 5 + 2 * k]) / inputSize + anchor.y
                keypoints.append(letterbox.point(u: kx, v: ky))
            }
            let box = BoundingBox(
                x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y)
            detections.append(PersonDetection(box: box, keypoints: keypoints, score: score))
        }
        return detections
    }

    /// Weighted non-maximum suppression: each seed (highest remaining score) absorbs every detection with IoU > the
    /// threshold; box and keypoints become the score-weighted mean, the score stays the seed's.
    public static func weightedNMS(_ detections: [PersonDetection], iouThreshold: Double = 0.3) -> [PersonDetection] {
        var remaining = detections.sorted { $0.score > $1.score }
        var output: [PersonDetection] = []
        while let seed = remaining.first {
            var candidates: [PersonDetection] = []
            var rest: [PersonDetection] = []
            for d in remaining {
                if d.box.iou(seed.box) > iouThreshold { candidates.append(d) } else { rest.append(d) }
            }
            if candidates.isEmpty {
                candidates = [seed]
                rest = Array(remaining.dropFirst())
            }
            output.append(weightedMean(candidates, seedScore: seed.score))
            remaining = rest
        }
        return output
    }

    private static func weightedMean(_ candidates: [PersonDetection], seedScore: Double) -> PersonDetection {
        let total = candidates.reduce(0) { $0 + $1.score }
        guard total > 0, candidates.count > 1 else { return candidates[0] }
        var x0 = 0.0
        var y0 = 0.0
        var x1 = 0.0
        var y1 = 0.0
        var keypoints = [Point2D](repeating: Point2D(x: 0, y: 0), count: candidates[0].keypoints.count)
        for d in candidates {
            let w = d.score / total
            x0 += d.box.x * w
            y0 += d.box.y * w
            x1 += (d.box.x + d.box.width) * w
            y1 += (d.box.y + d.box.height) * w
            for k in keypoints.indices {
                keypoints[k].x += d.keypoints[k].x * w
                keypoints[k].y += d.keypoints[k].y * w
            }
        }
        return PersonDetection(
            box: BoundingBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0), keypoints: keypoints, score: seedScore)
    }
}
