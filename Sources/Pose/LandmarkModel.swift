import FootfallCore
import Foundation

/// Output of the landmark model for one ROI, projected to upright-frame pixels.
public struct LandmarkResult: Sendable {
    /// The 33 body landmarks; `z` in pixels (same scale as x).
    public var landmarks: [Landmark]
    /// Auxiliary points 33 (hip centre) and 34 (body size/rotation point) that define the next ROI.
    public var auxiliary: [Point2D]
    /// Pose presence flag, 0...1 (present when > 0.5).
    public var presence: Double
    /// The 33 world landmarks: metres, origin at the hip centre, upright-frame axes (the ROI rotation undone).
    public var world: [Point3D]
}

/// BlazePose's landmark model (pose_landmark_full.tflite) on a rotated square ROI.
public final class LandmarkModel {
    public static let inputSize = 256
    static let modelLandmarkCount = 39
    static let heatmapSize = 64
    private let model: LiteRTModel

    public init(modelPath: String, threads: Int = 1) throws {
        model = try LiteRTModel(path: modelPath, threads: threads)
        guard model.inputs.first?.shape == [1, 256, 256, 3], model.outputs.count >= 4,
            model.outputs[0].elementCount == Self.modelLandmarkCount * 5, model.outputs[1].elementCount == 1,
            model.outputs[3].shape == [1, 64, 64, 39], model.outputs.count >= 5,
            model.outputs[4].elementCount == Self.modelLandmarkCount * 3
        else {
            throw FootfallError.failure("\(modelPath) is not BlazePose's pose_landmark model: run make setup")
        }
    }

    /// Runs the model on `roi` (out-of-frame pixels repeat the border, as MediaPipe does).
    public func run(_ frame: RGBFrame, roi: RotatedRect) throws -> LandmarkResult {
        try model.withInput(0) { input in
            ImageWarp.warp(
                frame, rect: roi, size: Self.inputSize, border: .replicate, scale: 1 / 255, offset: 0, into: input)
        }
        try model.run()
        let presence = try model.withOutput(1) { Double($0[0]) }
        var normalized = try model.withOutput(0) { raw in Self.normalizedLandmarks(UnsafeBufferPointer(raw)) }
        try model.withOutput(3) { heatmap in Self.refine(&normalized, heatmap: UnsafeBufferPointer(heatmap)) }
        let landmarks = normalized[0..<LandmarkIndex.count].map { n -> Landmark in
            let p = roi.point(u: n.x, v: n.y)
            return Landmark(x: p.x, y: p.y, z: n.z * roi.width, visibility: n.visibility, presence: n.presence)
        }
        let auxiliary = normalized[33..<35].map { roi.point(u: $0.x, v: $0.y) }
        let world = try model.withOutput(4) { raw in
            Self.worldLandmarks(UnsafeBufferPointer(raw), rotation: roi.rotation)
        }
        return LandmarkResult(landmarks: landmarks, auxiliary: auxiliary, presence: presence, world: world)
    }

    /// MediaPipe's WorldLandmarkProjection: the model gives metres in the crop's axes, so only the crop's rotation
    /// is undone — with the same `R(rotation)` as `RotatedRect.point`, which maps crop axes to frame axes.
    /// No translation or scale: the origin stays at the hip centre.
    static func worldLandmarks(_ raw: UnsafeBufferPointer<Float>, rotation: Double) -> [Point3D] {
        let c = cos(rotation)
        let s = sin(rotation)
        return (0..<LandmarkIndex.count).map { i in
            let x = Double(raw[3 * i])
            let y = Double(raw[3 * i + 1])
            return Point3D(x: c * x - s * y, y: s * x + c * y, z: Double(raw[3 * i + 2]))
        }
    }

    struct NormalizedLandmark {
        var x: Double
        var y: Double
        var z: Double
        var visibility: Double
        var presence: Double
    }

    /// 39 × (x, y, z, visibility logit, presence logit) in 256-px crop space → crop-normalized with sigmoids.
    static func normalizedLandmarks(_ raw: UnsafeBufferPointer<Float>) -> [NormalizedLandmark] {
        let size = Double(inputSize)
        return (0..<modelLandmarkCount).map { i in
            let r = i * 5
            return NormalizedLandmark(
                x: Double(raw[r]) / size, y: Double(raw[r + 1]) / size, z: Double(raw[r + 2]) / size,
                visibility: sigmoid(Double(raw[r + 3])), presence: sigmoid(Double(raw[r + 4])))
        }
    }

    /// MediaPipe's RefineLandmarksFromHeatmap (kernel 7, min confidence 0.5): x, y become the confidence-weighted
    /// mean cell of a 7×7 window of the 64×64 heatmap (integer cell indices, as the original).
    static func refine(_ landmarks: inout [NormalizedLandmark], heatmap: UnsafeBufferPointer<Float>) {
        let size = heatmapSize
        let channels = modelLandmarkCount
        let radius = 3
        for k in 0..<min(landmarks.count, channels) where landmarks[k].x.isFinite && landmarks[k].y.isFinite {
            let col = Int(landmarks[k].x * Double(size))
            let row = Int(landmarks[k].y * Double(size))
            guard col >= 0, col < size, row >= 0, row < size else {
                continue
            }
            var sum = 0.0
            var sumX = 0.0
            var sumY = 0.0
            var maxConfidence = 0.0
            for r in max(0, row - radius)...min(size - 1, row + radius) {
                for c in max(0, col - radius)...min(size - 1, col + radius) {
                    let confidence = sigmoid(Double(heatmap[(r * size + c) * channels + k]))
                    sum += confidence
                    sumX += Double(c) * confidence
                    sumY += Double(r) * confidence
                    maxConfidence = max(maxConfidence, confidence)
                }
            }
            if maxConfidence >= 0.5, sum > 0 {
                landmarks[k].x = sumX / sum / Double(size)
                landmarks[k].y = sumY / sum / Double(size)
            }
        }
    }
}

@inline(__always)
func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
