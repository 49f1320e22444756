import FootfallCore
import Foundation
import Testing

@testable import Pose

/// A walker seen at `time` at (`x`, `y`), crop side `side`, walking at `vx` px/s to the right.
private func motion(
    x: Double, y: Double = 300, vx: Double = 50, side: Double = 100, time: Double = 10
) -> WalkerMotion {
    WalkerMotion(hip: Point2D(x: x, y: y), side: side, velocity: Point2D(x: vx, y: 0), time: time)
}

private func claim(
    _ lost: inout LostWalkers, x: Double, y: Double = 300, side: Double = 100, time: Double = 11,
    visible: [Point2D] = []
) -> Int? {
    lost.claim(hip: Point2D(x: x, y: y), side: side, time: time, visible: visible, width: 768, height: 576)
}

@Test func newcomerOnTheLostWalkersPredictedPathContinuesItsID() {
    var lost = LostWalkers(window: 1.5)
    lost.add(id: 4, motion: motion(x: 300), lostAt: 10)
    // One second later it should be at x = 350; it reappears 10 px from there, slightly smaller.
    #expect(claim(&lost, x: 360, side: 90) == 4)
    // The id is taken: nobody else continues it.
    #expect(claim(&lost, x: 360, side: 90) == nil)
    #expect(lost.walkers.isEmpty)
}

@Test func newcomerElsewhereOrOfAnotherSizeStartsANewWalker() {
    var lost = LostWalkers(window: 1.5)
    lost.add(id: 4, motion: motion(x: 300), lostAt: 10)
    // Where the walker came from, not where it was going (tolerance after 1 s: 0.45 side = 45 px).
    #expect(claim(&lost, x: 300) == nil)
    // At the predicted place but much larger (a nearer person).
    #expect(claim(&lost, x: 350, side: 140) == nil)
    // At the predicted place but too late.
    #expect(claim(&lost, x: 300 + 50 * 2, time: 12) == nil)
    lost.forget(before: 12)
    #expect(lost.walkers.isEmpty)
    // Still available when all fits.
    var kept = LostWalkers(window: 1.5)
    kept.add(id: 4, motion: motion(x: 300), lostAt: 10)
    #expect(claim(&kept, x: 350) == 4)
}

@Test func relinkingIsRefusedWhenAmbiguous() {
    // Two lost walkers whose predictions both fit the newcomer.
    var two = LostWalkers(window: 1.5)
    two.add(id: 4, motion: motion(x: 300), lostAt: 10)
    two.add(id: 7, motion: motion(x: 420, vx: -60), lostAt: 10)
    #expect(claim(&two, x: 355) == nil)
    // A walker in view is nearer to the prediction: it is the better explanation.
    var one = LostWalkers(window: 1.5)
    one.add(id: 4, motion: motion(x: 300), lostAt: 10)
    #expect(claim(&one, x: 380, visible: [Point2D(x: 352, y: 300)]) == nil)
    #expect(claim(&one, x: 352, visible: [Point2D(x: 380, y: 300)]) == 4)
    // The same id kept along two paths (after two tracks converged) is not ambiguous.
    var merged = LostWalkers(window: 1.5)
    merged.add(id: 9, motion: motion(x: 300), lostAt: 10.5)
    merged.add(id: 9, motion: motion(x: 330, vx: -50), lostAt: 10.5)
    #expect(claim(&merged, x: 285) == 9)
}

@Test func walkerPredictedOutsideThePictureIsNotRelinked() {
    var lost = LostWalkers(window: 1.5)
    // Walking out of the left edge at 60 px/s: predicted at x = -40 one second later.
    lost.add(id: 2, motion: motion(x: 20, vx: -60), lostAt: 10)
    #expect(claim(&lost, x: 5) == nil)
    // Off with a window of 0.
    var off = LostWalkers(window: 0)
    off.add(id: 2, motion: motion(x: 300), lostAt: 10)
    #expect(off.walkers.isEmpty)
}

@Test func bodyOutsideThePictureIsNotInIt() {
    func body(hipX: Double, spread: Double) -> [Landmark] {
        (0..<33).map { i in Landmark(x: hipX + spread * Double(i % 5 - 2), y: 200 + Double(i)) }
    }
    #expect(PoseTracker.isInPicture(body(hipX: 100, spread: 5), width: 768, height: 576))
    // Hips just outside the left edge (the landmark model extrapolates there).
    #expect(!PoseTracker.isInPicture(body(hipX: -12, spread: 5), width: 768, height: 576))
    // Hip centre inside but most landmarks outside.
    #expect(!PoseTracker.isInPicture(body(hipX: -25, spread: 20), width: 768, height: 576))
    #expect(!PoseTracker.isInPicture([], width: 768, height: 576))
    // A shot of the legs: hips and everything above them over the top edge, knees to toes in the picture.
    let legs = (0..<33).map { (i: Int) -> Landmark in
        let x: Double = i % 2 == 0 ? 300 : 380
        let y: Double = i < 25 ? -40 - Double(i) : 150 + 50 * Double(i - 25)
        return Landmark(x: x, y: y)
    }
    #expect(PoseTracker.isInPicture(legs, width: 768, height: 576))
    // One foot below the bottom edge too: the legs are no longer in view.
    var cut = legs
    cut[LandmarkIndex.rightFootIndex.rawValue].y = 600
    #expect(!PoseTracker.isInPicture(cut, width: 768, height: 576))
}

@Test func lostWalkersAreLookedForWhereTheyShouldBe() {
    var lost = LostWalkers(window: 1.5)
    lost.add(id: 4, motion: motion(x: 300), lostAt: 10)
    // Kept along two paths that have not parted yet: one search covers both.
    lost.add(id: 6, motion: motion(x: 500, vx: 0), lostAt: 10)
    lost.add(id: 6, motion: motion(x: 505, vx: 0), lostAt: 10)
    // Predicted outside the picture: not searched.
    lost.add(id: 7, motion: motion(x: 20, vx: -60), lostAt: 10)
    let regions = lost.searchRegions(at: 11, width: 768, height: 576)
    #expect(regions.count == 2)
    // Square, 2.5 crop sides, centred on the prediction (x = 350) and inside the picture.
    let first = regions.first { abs($0.centerX - 350) < 1 }
    #expect(first?.width == 250 && first?.height == 250 && first?.centerY == 300)
    #expect(regions.allSatisfy { $0.centerX - $0.width / 2 >= 0 && $0.centerX + $0.width / 2 <= 768 })
    // Near an edge the square is moved inside rather than cut.
    var edge = LostWalkers(window: 1.5)
    edge.add(id: 1, motion: motion(x: 760, y: 570, vx: 0), lostAt: 10)
    let moved = edge.searchRegions(at: 10.5, width: 768, height: 576)
    #expect(moved.count == 1 && moved[0].centerX == 768 - 125 && moved[0].centerY == 576 - 125)
}
