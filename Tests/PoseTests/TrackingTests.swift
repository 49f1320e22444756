import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@testable import Pose

/// `frames` frames of a video from frame `skip` on, decoded by MediaIO.
final class LimitedSource: FrameSource {
    let decoder: VideoDecoder
    var remaining: Int

    init(path: String, frames: Int, skip: Int = 0) throws {
        decoder = try VideoDecoder(path: path)
        remaining = frames
        for _ in 0..<skip where try decoder.nextFrame() != nil {}
    }

    func nextFrame() throws -> RGBFrame? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        return try decoder.nextFrame()
    }
}

/// 1.5 s of the demo video (10 fps, 768×576, several people about 100 px tall), tracked once for all tests below.
enum DemoTracking {
    static let frameCount = 15
    static let result: Result<[PoseFrame], any Error> = Result {
        let demo = try ModelFiles.locate().demoVideo
        return try PoseEstimator.runBlocking(
            makeSource: { try LimitedSource(path: demo, frames: frameCount) }, options: PoseOptions())
    }

    /// Ids seen in at least `fraction` of the frames.
    static func stableIDs(_ frames: [PoseFrame], fraction: Double = 0.9) -> [Int] {
        var counts: [Int: Int] = [:]
        for frame in frames { for walker in frame.walkers { counts[walker.walker, default: 0] += 1 } }
        return counts.filter { Double($0.value) >= fraction * Double(frames.count) }.map(\.key).sorted()
    }
}

@Test func demoClipTracksAnUprightWalkerWithAStableID() throws {
    let frames = try DemoTracking.result.get()
    #expect(frames.count == DemoTracking.frameCount)
    #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.time < $1.time && $0.frame + 1 == $1.frame })
    let stable = DemoTracking.stableIDs(frames)
    let upright = stable.filter { id in
        frames.allSatisfy { frame in
            guard let walker = frame.walkers.first(where: { $0.walker == id }) else { return true }
            let hips = (walker[.leftHip].y + walker[.rightHip].y) / 2
            let ankles = (walker[.leftAnkle].y + walker[.rightAnkle].y) / 2
            return ankles > hips + 15 && walker.landmarks.count == 33
        }
    }
    #expect(!upright.isEmpty)
}

@Test func demoClipKeepsTwoWalkersApart() throws {
    let frames = try DemoTracking.result.get()
    let stable = DemoTracking.stableIDs(frames)
    #expect(stable.count >= 2)
    // Distinct ids are distinct people: their boxes never coincide.
    for frame in frames {
        let walkers = frame.walkers.filter { stable.contains($0.walker) }
        for (i, a) in walkers.enumerated() {
            for b in walkers.dropFirst(i + 1) { #expect(a.box.iou(b.box) < 0.5) }
        }
    }
}

@Test func clipWithoutPeopleGivesNoWalkersAndAnOverlay() async throws {
    let dir = try TestFiles.temporaryDirectory("pose-empty")
    defer { TestFiles.remove(dir) }
    let clip = try SyntheticClip.make(at: dir.appendingPathComponent("empty.mp4").path, fps: 10, duration: 1)
    var options = PoseOptions()
    options.overlayPath = dir.appendingPathComponent("overlay.mp4").path
    let frames = try await PoseEstimator.run(path: clip.path, options: options)
    #expect(frames.count == clip.frameTimes.count)
    #expect(frames.allSatisfy { $0.walkers.isEmpty })
    let overlay = try MediaProbe.probe(dir.appendingPathComponent("overlay.mp4").path)
    #expect(overlay.width == clip.width && overlay.height == clip.height)
}

@Test func poseDocumentRoundTripsWithSnakeCaseVideoInfo() throws {
    let dir = try TestFiles.temporaryDirectory("pose-json")
    defer { TestFiles.remove(dir) }
    let clip = try SyntheticClip.make(at: dir.appendingPathComponent("a.mp4").path, fps: 10, duration: 0.5)
    let walker = WalkerPose(
        walker: 3, landmarks: Array(repeating: Landmark(x: 1, y: 2, z: 0.5, visibility: 0.9, presence: 0.8), count: 33),
        box: BoundingBox(x: 0, y: 0, width: 10, height: 20), score: 0.99)
    let document = PoseDocument(
        video: try MediaProbe.probe(clip.path), frames: [PoseFrame(time: 0.1, frame: 1, walkers: [walker])])
    let path = dir.appendingPathComponent("pose.json").path
    try document.write(to: path)
    #expect(try PoseDocument.read(from: path) == document)
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    #expect(text.contains("\"frame_rate\"") && text.contains("\"visibility\"") && text.contains("\"walker\":3"))
}
