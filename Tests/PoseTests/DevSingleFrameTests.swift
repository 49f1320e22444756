import FootfallCore
import Foundation
import Testing

@testable import Pose

@Test func devSingleFrame() throws {
    let clip = "/work/shared/clips/sideview_indoor_markers_walk.mp4"
    let frames = cliFrames(path: clip, start: 2, count: 1, width: 640, height: 352, fps: 30)
    let frame = try #require(frames.first)
    let home = "/work/wt/pose/.cache"
    let detector = try PoseDetector(modelPath: home + "/models/pose_detection.tflite")
    let landmarks = try LandmarkModel(modelPath: home + "/models/pose_landmark_full.tflite")
    let detections = try detector.detect(frame)
    print("detections", detections)
    let d = try #require(detections.first)
    print("roi", d.roi)
    let r = try landmarks.run(frame, roi: d.roi)
    print("presence", r.presence)
    for (i, l) in r.landmarks.enumerated() { print(i, l.x, l.y, l.visibility) }
}
