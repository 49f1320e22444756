import FootfallCore
import Foundation
import Testing

@testable import Pose

/// Tracks demo frames `skip ..< skip + frames` (10 fps).
private func trackDemo(skip: Int, frames: Int, options: PoseOptions = PoseOptions()) throws -> [PoseFrame] {
    let demo = try ModelFiles.locate().demoVideo
    return try PoseEstimator.runBlocking(
        makeSource: { try LimitedSource(path: demo, frames: frames, skip: skip) }, options: options)
}

private func hipCentre(_ walker: WalkerPose) -> Point2D {
    Point2D(x: (walker[.leftHip].x + walker[.rightHip].x) / 2, y: (walker[.leftHip].y + walker[.rightHip].y) / 2)
}

/// The walker whose hip centre is nearest to (`x`, `y`) in the frame at `time`, within 40 px.
private func walker(near x: Double, _ y: Double, at time: Double, in frames: [PoseFrame]) -> Int? {
    guard let frame = frames.min(by: { abs($0.time - time) < abs($1.time - time) }) else { return nil }
    let target = Point2D(x: x, y: y)
    return frame.walkers.map { ($0.walker, hipCentre($0).distance(to: target)) }.filter { $0.1 < 40 }
        .min { $0.1 < $1.1 }?.0
}

@Test func demoWalkerWhoLeavesThePictureIsNotFollowedOutside() throws {
    // 55–60 s: a woman walks out of the left edge at about 57.7 s (the landmark model would go on placing her
    // just outside the picture).
    let frames = try trackDemo(skip: 550, frames: 50)
    let hips = frames.flatMap { frame in frame.walkers.map { (frame.time, hipCentre($0)) } }
    // She is tracked up to the edge...
    #expect(hips.contains { $0.1.x < 40 })
    // ...and nobody is reported with the body outside the picture.
    #expect(hips.allSatisfy { $0.1.x >= 0 && $0.1.x < 768 && $0.1.y >= 0 && $0.1.y < 576 })
    #expect(!frames.contains { $0.time > 58.5 && $0.walkers.contains { hipCentre($0).x < 40 } })
}

@Test func demoWalkerHiddenByAnotherKeepsItsIDWhenReappearing() throws {
    // 58.5–64.4 s: a man heading left crosses another walker at about 62.1 s; their tracks converge on the one in
    // front and one ends; the man comes out about 1.5 s later further left.
    let frames = try trackDemo(skip: 585, frames: 60)
    let before = walker(near: 635, 350, at: 62.0, in: frames)
    let after = walker(near: 506, 284, at: 64.4, in: frames)
    #expect(before != nil && after != nil)
    #expect(before == after)
    // Without re-linking he would get a new id.
    var options = PoseOptions()
    options.tracker.relinkTime = 0
    let unlinked = try trackDemo(skip: 585, frames: 60, options: options)
    let unlinkedBefore = walker(near: 635, 350, at: 62.0, in: unlinked)
    let unlinkedAfter = walker(near: 506, 284, at: 64.4, in: unlinked)
    #expect(unlinkedBefore != nil && unlinkedAfter != nil && unlinkedBefore != unlinkedAfter)
}
