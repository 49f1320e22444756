import FootfallCore
import Foundation
import Testing

@testable import Pose

@Test func oneEuroPassesConstantsAndSmoothsSteps() {
    var filter = OneEuroFilter(minCutoff: 0.05, beta: 80, derivativeCutoff: 1)
    #expect(filter.filter(10, time: 0, valueScale: 0.01) == 10)
    #expect(abs(filter.filter(10, time: 1.0 / 30, valueScale: 0.01) - 10) < 1e-9)
    let stepped = filter.filter(20, time: 2.0 / 30, valueScale: 0.01)
    #expect(stepped > 10 && stepped < 20)
    // A repeated timestamp returns the input unchanged, as MediaPipe does.
    #expect(filter.filter(30, time: 2.0 / 30, valueScale: 0.01) == 30)
}

@Test func fastMotionIsFollowedMoreCloselyThanSlow() {
    // The speed-dependent cutoff: a large jump is tracked more closely (relative) than a tiny one.
    func lag(jump: Double) -> Double {
        var filter = OneEuroFilter(minCutoff: 0.05, beta: 80, derivativeCutoff: 1)
        _ = filter.filter(0, time: 0, valueScale: 1.0 / 200)
        return 1 - filter.filter(jump, time: 0.1, valueScale: 1.0 / 200) / jump
    }
    #expect(lag(jump: 100) < lag(jump: 1))
}

@Test func boundedQueueKeepsOrderAndEveryItem() async {
    let queue = BoundedQueue<Int>(capacity: 2)
    let producer = Thread {
        for i in 0..<200 { queue.put(i) }
        queue.close()
    }
    producer.start()
    var received: [Int] = []
    while let item = queue.take() { received.append(item) }
    #expect(received == Array(0..<200))
}

@Test func rendererDrawsJointsBonesAndID() {
    var frame = RGBFrame(
        index: 0, time: 0, width: 200, height: 200, pixels: [UInt8](repeating: 100, count: 200 * 200 * 3))
    var landmarks = (0..<33).map { i in Landmark(x: 100, y: 40 + Double(i) * 4) }
    landmarks[27] = Landmark(x: 60, y: 180, visibility: 0.9)
    landmarks[5] = Landmark(x: 10, y: 10, visibility: 0.1)  // hidden joint: not drawn
    let walker = WalkerPose(
        walker: 7, landmarks: landmarks, box: BoundingBox(x: 60, y: 60, width: 60, height: 120), score: 1)
    SkeletonRenderer().draw(PoseFrame(time: 0, frame: 0, walkers: [walker]), on: &frame)
    #expect(frame.pixel(x: 60, y: 180) != (100, 100, 100))
    #expect(frame.pixel(x: 10, y: 10) == (100, 100, 100))
    let changed = stride(from: 0, to: frame.pixels.count, by: 3).filter { frame.pixels[$0] != 100 }.count
    #expect(changed > 200)
}

@Test func shortTracksAreDropped() {
    func walker(_ id: Int) -> WalkerPose {
        WalkerPose(walker: id, landmarks: [], box: BoundingBox(x: 0, y: 0, width: 1, height: 1), score: 1)
    }
    let poses = (0..<4).map { i in
        PoseFrame(time: Double(i), frame: i, walkers: i == 2 ? [walker(0), walker(1)] : [walker(0)])
    }
    let kept = PoseEstimator.dropShortTracks(poses, minFrames: 3)
    #expect(kept.allSatisfy { $0.walkers.map(\.walker) == [0] })
    #expect(PoseEstimator.dropShortTracks(poses, minFrames: 1) == poses)
}
