import Foundation

/// Settings of the multi-walker tracker.
public struct PoseTrackerOptions: Sendable, Equatable {
    /// One-Euro smoothing of the output landmarks and a slow average of their visibility (MediaPipe's settings).
    /// Off by default: the step detector low-passes with zero phase itself, and smoothed input made its heel
    /// strikes later and less sure (a foot reappearing after occlusion stays "invisible" for frames; fast
    /// running landings are reshaped). Dev clips: running steps +89/+58 ms smoothed, +23/+37 ms raw; sideview
    /// mean error 27.6 → 21.1 ms. Smoothing is for looking at skeletons.
    public var smoothing = false
    /// Detector score threshold (MediaPipe's min_detection_confidence).
    public var minDetectionScore = 0.5
    /// Pose presence threshold (MediaPipe's min_tracking_confidence): a walker counts as seen when above it.
    public var minPresence = 0.5
    /// Seconds between searches of the whole frame for new walkers (it is also searched on every frame where
    /// nobody is tracked or a walker was just lost).
    public var searchInterval = 1.0
    /// Seconds for one sweep over all tiles (small walkers); the tiles are spread over the frames in between.
    public var tileSearchInterval = 2.0
    /// Tiles searched for small walkers; nil chooses them from `minWalkerHeight`.
    public var tiles: TileGrid?
    /// Smallest walker (pixel height) the tiles should find, as a fraction of the frame height.
    public var minWalkerHeight = 0.17
    /// A walker not seen for longer than this (seconds) ends; shorter gaps (occlusion) keep its id.
    public var maxMissingTime = 0.7
    /// A walker lost for at most this long (seconds since last seen) continues under its old id when a newcomer
    /// appears where its motion predicts, with a similar size (0 turns re-linking off).
    public var relinkTime = 1.5
    /// Seconds between detector searches around where lost walkers should be (0: every frame).
    public var lostSearchInterval = 0.1
    /// A new walker's landmarks must span at least this fraction of its detection crop (a real person fills about
    /// 0.5–0.7 of it; small objects the models mistake for a person give far less).
    public var minBodyFraction = 0.35
    /// Upper bound on walkers tracked at once (each costs one landmark inference per frame).
    public var maxWalkers = 8

    public init() {}

    /// Tile grid for a frame: tiles about 2.4× the smallest walker, overlapping by a quarter, 1×1 when that is
    /// no smaller than the whole frame (whose letterbox the detector always searches).
    public func tileGrid(width: Int, height: Int) -> TileGrid {
        if let tiles { return tiles }
        let side = max(2.4 * minWalkerHeight * Double(height), 224)
        let overlap = 0.25
        func count(_ length: Int) -> Int {
            max(1, Int(((Double(length) / side - overlap) / (1 - overlap)).rounded()))
        }
        let grid = TileGrid(columns: count(width), rows: count(height), overlap: overlap)
        return grid.columns * grid.rows > 1 ? grid : .none
    }
}
