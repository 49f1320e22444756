import FootfallCore
import FootfallTesting
import Foundation
import Steps
import Testing

extension Fuzz {
    /// `footfall steps --pose FILE` reads a pose JSON a user may have edited or produced elsewhere, and the step
    /// detector runs on whatever was accepted.
    @Suite struct PoseRecordingFuzzTests {
        /// A walker crossing the picture at 15 fps: heels lift and land in turn.
        static var seeds: [[UInt8]] {
            let frames = (0..<24).map { i -> PoseFrame in
                let t = Double(i) / 15
                var landmarks = (0..<LandmarkIndex.count).map { k in
                    Landmark(x: 100 + t * 60 + Double(k % 5), y: 100 + Double(k) * 4, visibility: 0.9, presence: 0.9)
                }
                for (heel, phase) in [(LandmarkIndex.leftHeel, 0.0), (.rightHeel, Double.pi)] {
                    let lift = max(0, sin(2 * Double.pi * t / 1.1 + phase)) * 12
                    landmarks[heel.rawValue] = Landmark(x: 100 + t * 60, y: 240 - lift)
                }
                let walker = WalkerPose(
                    walker: 1, landmarks: landmarks, box: BoundingBox(x: 80 + t * 60, y: 90, width: 60, height: 160),
                    score: 0.95)
                return PoseFrame(time: t, frame: i, walkers: [walker])
            }
            let recording = PoseRecording(
                video: .init(file: "walk.mp4", width: 320, height: 240, duration: 1.6, frameRate: 15), frames: frames)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return [Array((try? encoder.encode(recording)) ?? Data())]
        }

        @Test func poseFilesLoadOrAreRefusedAndTheDetectorCopes() async throws {
            let dir = try TestFiles.temporaryDirectory("fuzz-pose")
            defer { TestFiles.remove(dir) }
            let path = dir.appendingPathComponent("poses.json").path
            await Fuzzer("pose JSON", seeds: Self.seeds, iterations: 300).run { input in
                try input.data.write(to: URL(fileURLWithPath: path))
                let recording = try PoseRecording.load(path: path)
                let times = recording.frames.map(\.time)
                let detection = StepDetector().detect(frames: recording.frames, info: recording.videoInfo(path: path))
                for event in detection.heelStrikes + detection.toeOffs {
                    input.check(event.time.isFinite && event.confidence.isFinite, "non-finite event \(event)")
                    input.check(
                        event.time >= (times.min() ?? 0) - 1 && event.time <= (times.max() ?? 0) + 1,
                        "event at \(event.time) s, outside the recording")
                }
            }
        }
    }
}
