import FootfallCore

/// Smooths a set of 2-D/3-D points with one One-Euro filter per coordinate (MediaPipe's LandmarksSmoothing,
/// values in pixels, scaled by 1/object size) plus the visibility EMA (α 0.1).
struct LandmarkSmoother {
    private var filters: [OneEuroFilter]
    private var visibility: [Double]?
    private let minCutoff: Double
    private let beta: Double

    init(count: Int, minCutoff: Double, beta: Double, derivativeCutoff: Double = 1) {
        self.minCutoff = minCutoff
        self.beta = beta
        filters = Array(
            repeating: OneEuroFilter(minCutoff: minCutoff, beta: beta, derivativeCutoff: derivativeCutoff),
            count: count * 3)
    }

    /// Body landmarks: MediaPipe's min_cutoff 0.05, beta 80.
    static func body() -> LandmarkSmoother { LandmarkSmoother(count: 33, minCutoff: 0.05, beta: 80) }
    /// Auxiliary ROI points: min_cutoff 0.01, beta 10.
    static func auxiliary() -> LandmarkSmoother { LandmarkSmoother(count: 2, minCutoff: 0.01, beta: 10) }
    /// World landmarks: min_cutoff 0.1, beta 40, filtered in metres.
    static func world() -> LandmarkSmoother { LandmarkSmoother(count: 33, minCutoff: 0.1, beta: 40) }

    /// World landmarks: MediaPipe disables value scaling for them (they are metres whatever the walker's size on
    /// screen), and their visibility is the image landmarks', so there is none to average here.
    mutating func smooth(_ points: [Point3D], time: Double) -> [Point3D] {
        var output = points
        for i in points.indices where 3 * i + 2 < filters.count {
            output[i].x = filters[3 * i].filter(points[i].x, time: time, valueScale: 1)
            output[i].y = filters[3 * i + 1].filter(points[i].y, time: time, valueScale: 1)
            output[i].z = filters[3 * i + 2].filter(points[i].z, time: time, valueScale: 1)
        }
        return output
    }

    mutating func smooth(_ landmarks: [Landmark], time: Double, objectScale: Double) -> [Landmark] {
        guard objectScale > 1e-6 else { return landmarks }
        let scale = 1 / objectScale
        var output = landmarks
        var smoothedVisibility = landmarks.map(\.visibility)
        if let previous = visibility, previous.count == landmarks.count {
            for i in landmarks.indices { smoothedVisibility[i] = 0.1 * landmarks[i].visibility + 0.9 * previous[i] }
        }
        visibility = smoothedVisibility
        for i in landmarks.indices where 3 * i + 2 < filters.count {
            output[i].x = filters[3 * i].filter(landmarks[i].x, time: time, valueScale: scale)
            output[i].y = filters[3 * i + 1].filter(landmarks[i].y, time: time, valueScale: scale)
            output[i].z = filters[3 * i + 2].filter(landmarks[i].z, time: time, valueScale: scale)
            output[i].visibility = smoothedVisibility[i]
        }
        return output
    }
}
