import FootfallCore
import Foundation

/// One benchmark run of one video, as a line of `bench/history.jsonl`.
public struct BenchRecord: Codable, Sendable, Equatable {
    public var date: String
    public var commit: String
    public var machine: String
    public var video: String
    public var frames: Int
    public var duration: Double
    /// Decode + scale to 256 px alone, frames per second.
    public var decodeFPS: Double?
    public var stages: [StageTimings.Entry]
    public var total: Double
    public var peakRSSMB: Double
    /// MediaPipe Python's pose time per frame on the same clip, from bench/compare_pose.py, when available.
    public var mediapipeMsPerFrame: Double?

    public init(
        date: String, commit: String, machine: String, video: String, frames: Int, duration: Double,
        decodeFPS: Double?, stages: [StageTimings.Entry], total: Double, peakRSSMB: Double,
        mediapipeMsPerFrame: Double? = nil
    ) {
        self.date = date
        self.commit = commit
        self.machine = machine
        self.video = video
        self.frames = frames
        self.duration = duration
        self.decodeFPS = decodeFPS
        self.stages = stages
        self.total = total
        self.peakRSSMB = peakRSSMB
        self.mediapipeMsPerFrame = mediapipeMsPerFrame
    }

    public var realTimeFactor: Double { total > 0 ? duration / total : 0 }
    public var framesPerSecond: Double { total > 0 ? Double(frames) / total : 0 }

    enum CodingKeys: String, CodingKey {
        case date, commit, machine, video, frames, duration, stages, total
        case decodeFPS = "decode_fps"
        case peakRSSMB = "peak_rss_mb"
        case mediapipeMsPerFrame = "mediapipe_ms_per_frame"
    }

    /// Reads every record of a history file, skipping lines that do not parse (the file is append-only by hand too).
    public static func readHistory(_ path: String) -> [BenchRecord] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let d = JSONDecoder()
        return text.split(whereSeparator: \.isNewline).compactMap {
            try? d.decode(BenchRecord.self, from: Data($0.utf8))
        }
    }

    public func jsonLine() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(self), as: UTF8.self)
    }
}
