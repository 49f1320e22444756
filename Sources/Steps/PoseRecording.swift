import FootfallCore
import Foundation

/// A saved pose run: the pose JSON that `footfall pose CLIP --json F` writes (`"video"` is the probed `VideoInfo`)
/// or `bench/mediapipe_pose.py` writes (`"video": {file, width, height, duration, frame_rate}`); both have
/// `"frames": [PoseFrame…]`. Only the frames matter to the detector; the video block is read when it fits either.
public struct PoseRecording: Codable, Sendable, Equatable {
    public var video: StepsDocument.Video?
    public var frames: [PoseFrame]

    public init(video: StepsDocument.Video?, frames: [PoseFrame]) {
        self.video = video
        self.frames = frames
    }

    enum CodingKeys: String, CodingKey { case video, frames }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        frames = try c.decode([PoseFrame].self, forKey: .frames)
        if let short = try? c.decodeIfPresent(StepsDocument.Video.self, forKey: .video) {
            video = short
        } else if let info = try? c.decodeIfPresent(VideoInfo.self, forKey: .video) {
            video = StepsDocument.Video(info)
        } else {
            video = nil
        }
    }

    /// Reads and validates a pose JSON file; errors say which file and what is wrong.
    public static func load(path: String) throws -> PoseRecording {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FootfallError.badInput("cannot read pose file \(path): \(error.localizedDescription)")
        }
        let recording: PoseRecording
        do {
            recording = try JSONDecoder().decode(PoseRecording.self, from: data)
        } catch let error as DecodingError {
            throw FootfallError.badInput(
                "\(path) is not a pose JSON file (\(error.readable)); make one with 'footfall pose VIDEO --json F'")
        } catch {
            throw FootfallError.badInput("\(path) is not a pose JSON file: \(error)")
        }
        for (i, f) in recording.frames.enumerated() {
            guard f.time.isFinite, f.time >= 0 else {
                throw FootfallError.badInput("\(path): frame \(i) has time \(f.time); times are seconds ≥ 0")
            }
            for w in f.walkers where w.landmarks.count != LandmarkIndex.count {
                throw FootfallError.badInput(
                    "\(path): frame \(i) walker \(w.walker) has \(w.landmarks.count) landmarks, expected 33")
            }
        }
        return recording
    }

    /// Video facts for the detector when the video itself is not probed (frame rate from the recording).
    public func videoInfo(path: String) -> VideoInfo {
        let v = video
        let times = frames.map(\.time)
        let duration = v?.duration ?? (times.max() ?? 0)
        let rate = v?.frameRate ?? (duration > 0 ? Double(frames.count) / duration : 30)
        return VideoInfo(
            path: path, container: "", videoCodec: "", codedWidth: v?.width ?? 0, codedHeight: v?.height ?? 0,
            rotation: 0, frameRate: rate, isVariableFrameRate: false, duration: duration, frameCount: frames.count,
            audioStreams: [])
    }
}
