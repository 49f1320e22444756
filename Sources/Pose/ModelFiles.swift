import FootfallCore
import Foundation

/// Paths of the runtime files pose estimation needs, found through `ResourceLocator`.
public struct ModelFiles: Sendable {
    public var detector: String
    public var landmarks: String
    public var library: String
    /// The demo video (`demo/vtest.avi`), when present.
    public var demoVideo: String

    public static func locate() throws -> ModelFiles {
        let library: URL
        do {
            library = try ResourceLocator.file("lib/libLiteRt.so")
        } catch {
            throw FootfallError.failure("LiteRT runtime not found: run make setup (or set FOOTFALL_HOME)")
        }
        let detector = try ResourceLocator.file("models/pose_detection.tflite")
        let landmarks = try ResourceLocator.file("models/pose_landmark_full.tflite")
        let demo = library.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "demo/vtest.avi")
        return ModelFiles(
            detector: detector.path, landmarks: landmarks.path, library: library.path, demoVideo: demo.path)
    }
}
