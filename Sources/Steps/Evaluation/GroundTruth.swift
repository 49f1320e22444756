import FootfallCore
import Foundation

/// Hand-labelled heel strikes for a clip (`/work/shared/clips/groundtruth/*.json` format):
/// `{"events": [{"time", "walker", "foot", "kind": "heel_strike"|"not_step", …}], "uncertain"?: [...],
///   "window"?: [a, b], "walker_windows"?: {"1": [a, b]}, "recall_only"?: bool, "skip_in_bar"?: bool, "fps"?}`.
public struct GroundTruth: Sendable, Equatable, Decodable {
    public struct Event: Sendable, Equatable, Decodable {
        public var time: Double
        public var walker: Int?
        public var foot: Foot?
        public var kind: String
        public var confidence: String?
    }

    /// An unlabelled candidate: detections near it are neither right nor wrong.
    public struct Uncertain: Sendable, Equatable, Decodable {
        public var time: Double?
        public var frame: Int?
        public var frames: [Int]?
    }

    public var clip: String?
    public var method: String?
    public var fps: Double?
    public var events: [Event]
    public var uncertain: [Uncertain]?
    public var window: [Double]?
    public var walkerWindows: [String: [Double]]?
    public var recallOnly: Bool?
    public var skipInBar: Bool?

    enum CodingKeys: String, CodingKey {
        case clip, method, fps, events, uncertain, window
        case walkerWindows = "walker_windows"
        case recallOnly = "recall_only"
        case skipInBar = "skip_in_bar"
    }

    public static func load(path: String) throws -> GroundTruth {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FootfallError.badInput("cannot read ground truth \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(GroundTruth.self, from: data)
        } catch let error as DecodingError {
            throw FootfallError.badInput("\(path) is not a ground-truth file: \(error.readable)")
        }
    }

    public var heelStrikes: [Event] { events.filter { $0.kind == "heel_strike" } }
    public var nonSteps: [Event] { events.filter { $0.kind == "not_step" } }

    /// Times of uncertain entries (single frames are converted with `fps`; frame spans are skipped).
    public var uncertainTimes: [Double] {
        (uncertain ?? []).compactMap { u in
            if let t = u.time { return t }
            if let f = u.frame, let fps, fps > 0 { return Double(f) / fps }
            return nil
        }
    }

    /// Whether a reference event is inside the judged window (and its walker's window).
    func judges(_ e: Event) -> Bool {
        if let w = window, w.count == 2, e.time < w[0] || e.time > w[1] { return false }
        if let ww = walkerWindows, let walker = e.walker, let w = ww[String(walker)], w.count == 2 {
            return e.time >= w[0] && e.time <= w[1]
        }
        return true
    }

    /// Whether a detection can be judged: inside the window widened by `margin` (a late detection of a step
    /// labelled just inside the window still belongs to it).
    func inWindow(_ t: Double, margin: Double = 0) -> Bool {
        guard let w = window, w.count == 2 else { return true }
        return t >= w[0] - margin && t <= w[1] + margin
    }
}
