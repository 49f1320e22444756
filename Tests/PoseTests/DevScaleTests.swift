import FootfallCore
import Foundation
import Testing

@testable import Pose

@Test func devTrack() async throws {
    var options = PoseOptions()
    options.tracker.searchInterval = 0.5
    let frames = try await PoseEstimator.run(
        makeSource: {
            try CLIFrameSource(path: ".cache/demo/vtest.avi", start: 0, duration: 8, width: 768, height: 576, fps: 10)
        },
        options: options)
    for f in frames {
        print(
            "DEV", f.frame,
            f.walkers.map {
                "\($0.walker):\(Int($0.box.x)),\(Int($0.box.y)) h\(Int($0.box.height)) \(String(format: "%.2f", $0.score))"
            }.joined(separator: " "))
    }
}
