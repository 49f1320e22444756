import FootfallCore
import Foundation

/// Walkers lost recently (occluded by another pedestrian, missed by the models for a few frames), kept so that a
/// newcomer who is plausibly the same person continues under the old id instead of starting a new one.
///
/// Deliberately conservative (two people under one id is worse than one person under two): a newcomer continues a
/// lost walker only when it appears where that walker's constant-velocity motion predicts, inside the picture,
/// with a similar apparent size, and nothing else explains the prediction as well (no second lost walker matches,
/// no visible walker is nearer to the predicted point). Walkers that left the picture are not kept.
struct LostWalkers {
    /// Seconds after its last sighting that a lost walker's id stays available.
    var window: Double
    /// Smallest ratio of the two apparent sizes (ROI sides) that still counts as the same person.
    var minSizeRatio = 0.8
    private(set) var walkers: [(id: Int, motion: WalkerMotion, lostAt: Double)] = []

    init(window: Double) {
        self.window = window
    }

    /// Keeps walker `id`, lost at `lostAt` and last seen reliably moving as `motion`, for re-linking.
    mutating func add(id: Int, motion: WalkerMotion, lostAt: Double) {
        guard window > 0 else { return }
        walkers.append((id, motion, lostAt))
    }

    /// Forgets walkers lost for longer than the window.
    mutating func forget(before time: Double) {
        walkers.removeAll { time - $0.lostAt > window }
    }

    /// Detector regions around where the lost walkers should be at `time` (inside a `width`×`height` picture):
    /// squares of 2.5 crop sides (at least 224 px, the detector's input) so that a walker coming out from behind
    /// someone is found at once instead of at the next sweep of the tiles.
    func searchRegions(at time: Double, width: Int, height: Int) -> [RotatedRect] {
        let w = Double(width)
        let h = Double(height)
        var regions: [RotatedRect] = []
        for walker in walkers {
            let expected = walker.motion.predictedHip(at: time)
            guard expected.x >= 0, expected.x < w, expected.y >= 0, expected.y < h else { continue }
            let side = min(max(2.5 * walker.motion.side, 224), w, h)
            let x = min(max(expected.x - side / 2, 0), w - side)
            let y = min(max(expected.y - side / 2, 0), h - side)
            let region = RotatedRect.letterbox(x: x, y: y, width: side, height: side)
            // One search covers a walker kept along two paths that have not parted yet.
            let covered = regions.contains {
                Point2D(x: $0.centerX, y: $0.centerY).distance(to: Point2D(x: region.centerX, y: region.centerY))
                    < 0.25 * min($0.width, side)
            }
            if !covered { regions.append(region) }
        }
        return regions
    }

    /// How far (pixels) a newcomer may be from a lost walker's predicted hip centre after `gap` seconds: a quarter
    /// of the walker's crop side when just lost, growing with the gap (walkers change speed and direction).
    static func tolerance(side: Double, gap: Double) -> Double {
        (0.2 + 0.25 * gap) * side
    }

    /// The lost walker that a newcomer (hip centre `hip`, ROI side `side`, first seen at `time`) continues, removed
    /// from the list; nil when there is none or the choice is ambiguous (several ids match). A walker may be kept
    /// with several motions (after two tracks converged it is unknown which path it was on); any may match. `visible` are the hip centres of the other
    /// walkers seen in this frame; `width`×`height` is the picture.
    mutating func claim(
        hip: Point2D, side: Double, time: Double, visible: [Point2D], width: Double, height: Double
    ) -> Int? {
        var matches: [(index: Int, distance: Double)] = []
        for (index, walker) in walkers.enumerated() {
            let lost = walker.motion
            let gap = time - lost.time
            guard gap > 0, time - walker.lostAt <= window else { continue }
            let ratio = min(side, lost.side) / max(side, lost.side, 1e-9)
            guard ratio >= minSizeRatio else { continue }
            let expected = lost.predictedHip(at: time)
            guard expected.x >= 0, expected.x < width, expected.y >= 0, expected.y < height else { continue }
            let distance = expected.distance(to: hip)
            guard distance < Self.tolerance(side: (side + lost.side) / 2, gap: gap) else { continue }
            // Someone already visible is the better explanation of where the lost walker went.
            guard !visible.contains(where: { $0.distance(to: expected) <= distance }) else { continue }
            matches.append((index, distance))
        }
        guard let best = matches.min(by: { $0.distance < $1.distance }),
            matches.allSatisfy({ walkers[$0.index].id == walkers[best.index].id })
        else { return nil }
        let id = walkers[best.index].id
        walkers.removeAll { $0.id == id }
        return id
    }
}

extension Point2D {
    func distance(to other: Point2D) -> Double {
        let dx = x - other.x
        let dy = y - other.y
        return (dx * dx + dy * dy).squareRoot()
    }
}
