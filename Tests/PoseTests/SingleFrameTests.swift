import FootfallCore
import Foundation
import Testing

@testable import Pose

/// Real frame of the demo video (people ~100 px tall): tiles find them, the landmark model confirms them.
@Test func demoFrameGivesUprightPeople() throws {
    let models = try ModelFiles.locate()
    let source = try LimitedSource(path: models.demoVideo, frames: 51)
    var last: RGBFrame?
    while let next = try source.nextFrame() { last = next }
    let frame = try #require(last)
    let detector = try PoseDetector(modelPath: models.detector)
    let landmarkModel = try LandmarkModel(modelPath: models.landmarks)
    let detections = try detector.detect(frame, tiles: TileGrid(columns: 4, rows: 3))
    #expect(detections.count >= 3)
    var upright = 0
    for detection in detections {
        let result = try landmarkModel.run(frame, roi: detection.roi)
        guard result.presence > 0.5 else { continue }
        let hips = (result.landmarks[23].y + result.landmarks[24].y) / 2
        let ankles = (result.landmarks[27].y + result.landmarks[28].y) / 2
        if ankles > hips + 20 { upright += 1 }
    }
    #expect(upright >= 3)
}
