import FootfallCore
import Foundation

/// BlazePose's person detector (pose_detection.tflite): whole-frame letterbox, optionally plus overlapping tiles so
/// small, distant walkers are big enough in the 224×224 input.
public final class PoseDetector {
    public static let inputSize = 224
    private let model: LiteRTModel
    public var minScore: Double

    public init(modelPath: String, threads: Int = 1, minScore: Double = 0.5) throws {
        model = try LiteRTModel(path: modelPath, threads: threads)
        self.minScore = minScore
        guard model.inputs.first?.shape == [1, 224, 224, 3], model.outputs.count >= 2,
            model.outputs[0].elementCount == SSDAnchors.poseDetector.count * DetectionDecoder.coordinatesPerAnchor,
            model.outputs[1].elementCount == SSDAnchors.poseDetector.count
        else {
            throw FootfallError.failure("\(modelPath) is not BlazePose's pose_detection model: run make setup")
        }
    }

    /// Detections (after NMS) in one square region of the frame, letterboxed to 224×224 with black padding.
    public func detect(_ frame: RGBFrame, region: RotatedRect) throws -> [PersonDetection] {
        try model.withInput(0) { input in
            ImageWarp.warp(
                frame, rect: region, size: Self.inputSize, border: .zero, scale: 2 / 255, offset: -1, into: input)
        }
        try model.run()
        let raw = try model.withOutput(0) { boxes in
            try model.withOutput(1) { scores in
                DetectionDecoder.decode(
                    boxes: UnsafeBufferPointer(boxes), scores: UnsafeBufferPointer(scores),
                    anchors: SSDAnchors.poseDetector, letterbox: region, minScore: minScore)
            }
        }
        return DetectionDecoder.weightedNMS(raw)
    }

    /// Detections on the whole frame (MediaPipe's input).
    public func detect(_ frame: RGBFrame) throws -> [PersonDetection] {
        try detect(frame, region: .letterbox(width: Double(frame.width), height: Double(frame.height)))
    }

    /// Whole frame plus `tiles`, merged by NMS across regions.
    public func detect(_ frame: RGBFrame, tiles: TileGrid) throws -> [PersonDetection] {
        var all = try detect(frame)
        for region in tiles.regions(width: frame.width, height: frame.height) {
            all += try detect(frame, region: region)
        }
        return DetectionDecoder.weightedNMS(all)
    }
}

/// Overlapping tiles covering the frame, each searched separately by the detector.
public struct TileGrid: Sendable, Equatable {
    public var columns: Int
    public var rows: Int
    /// Fraction of a tile's size shared with its neighbour.
    public var overlap: Double

    public init(columns: Int, rows: Int, overlap: Double = 0.25) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        self.overlap = min(max(overlap, 0), 0.9)
    }

    public static let none = TileGrid(columns: 1, rows: 1, overlap: 0)

    /// Square letterbox regions for each tile (empty for a 1×1 grid, which is the whole frame).
    public func regions(width: Int, height: Int) -> [RotatedRect] {
        guard columns * rows > 1 else { return [] }
        let w = Double(width)
        let h = Double(height)
        // Tile size t with n tiles overlapping by `overlap`·t spans t·(n − (n − 1)·overlap).
        let tileWidth = w / (Double(columns) - Double(columns - 1) * overlap)
        let tileHeight = h / (Double(rows) - Double(rows - 1) * overlap)
        var regions: [RotatedRect] = []
        for row in 0..<rows {
            for column in 0..<columns {
                let x = Double(column) * tileWidth * (1 - overlap)
                let y = Double(row) * tileHeight * (1 - overlap)
                regions.append(.letterbox(x: x, y: y, width: tileWidth, height: tileHeight))
            }
        }
        return regions
    }
}
