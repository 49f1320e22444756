import FootfallCore
import Foundation

/// `<name>.otio`: an OpenTimelineIO timeline for video editors (DaVinci Resolve, Premiere and Avid through OTIO's
/// adapters): a video track with the source video, an audio track with the footstep track and one per stem, and
/// one marker per step on the timeline (the stack), named like the DAW markers. Audio times count samples at
/// 48 kHz, so markers are sample-exact; the video clip counts frames.
public enum StepsOTIO: StepsInterchangeFormat {
    public static let suffix = ".otio"
    static let audioRate = 48_000.0

    public static func encode(_ steps: [StepEvent], context: InterchangeContext) throws -> Data {
        let sorted = steps.sorted { ($0.time, $0.walker) < ($1.time, $1.walker) }
        let videoRate = context.frameRate > 0 && context.frameRate.isFinite ? context.frameRate : 25
        func clip(_ path: String, rate: Double) -> [String: Any] {
            let range = timeRange(start: 0, duration: context.duration, rate: rate)
            return object(
                "Clip.2", name: URL(fileURLWithPath: path).lastPathComponent,
                [
                    "source_range": range, "effects": [Any](), "markers": [Any](), "enabled": true,
                    "active_media_reference_key": "DEFAULT_MEDIA",
                    "media_references": [
                        "DEFAULT_MEDIA": object(
                            "ExternalReference.1", name: URL(fileURLWithPath: path).lastPathComponent,
                            [
                                "target_url": URL(fileURLWithPath: path).absoluteString, "available_range": range,
                                "available_image_bounds": NSNull(),
                            ])
                    ],
                ])
        }
        func track(_ name: String, kind: String, _ clips: [[String: Any]]) -> [String: Any] {
            object(
                "Track.1", name: name,
                [
                    "kind": kind, "children": clips, "source_range": NSNull(), "effects": [Any](),
                    "markers": [Any](), "enabled": true,
                ])
        }
        let markers: [[String: Any]] = sorted.map { s in
            object(
                "Marker.2", name: MarkerFormats.label(for: s),
                [
                    "color": s.foot == .left ? "BLUE" : "ORANGE", "comment": "",
                    "marked_range": timeRange(start: s.time, duration: 0, rate: audioRate),
                    "metadata": ["footfall": ["walker": s.walker, "foot": s.foot.rawValue, "time": s.time]],
                ])
        }
        let tracks: [[String: Any]] =
            [
                track("Video", kind: "Video", [clip(context.video, rate: videoRate)]),
                track("Footsteps", kind: "Audio", [clip(context.audio, rate: audioRate)]),
            ]
            + context.stems.map {
                track(URL(fileURLWithPath: $0).lastPathComponent, kind: "Audio", [clip($0, rate: audioRate)])
            }
        let timeline = object(
            "Timeline.1", name: context.name,
            [
                "global_start_time": NSNull(),
                "tracks": object(
                    "Stack.1", name: "tracks",
                    [
                        "children": tracks, "markers": markers, "source_range": NSNull(), "effects": [Any](),
                        "enabled": true,
                    ]),
            ])
        return try JSONSerialization.data(withJSONObject: timeline, options: [.prettyPrinted, .sortedKeys])
    }

    static func object(_ schema: String, name: String, _ fields: [String: Any]) -> [String: Any] {
        var o = fields
        o["OTIO_SCHEMA"] = schema
        o["name"] = name
        if o["metadata"] == nil { o["metadata"] = [String: Any]() }
        return o
    }

    static func rationalTime(_ seconds: Double, rate: Double) -> [String: Any] {
        ["OTIO_SCHEMA": "RationalTime.1", "rate": rate, "value": (seconds * rate).rounded()]
    }

    static func timeRange(start: Double, duration: Double, rate: Double) -> [String: Any] {
        [
            "OTIO_SCHEMA": "TimeRange.1", "start_time": rationalTime(start, rate: rate),
            "duration": rationalTime(max(duration, 0), rate: rate),
        ]
    }

    /// Every marker in the timeline is a step (an editor may have put them on clips too); its name gives walker,
    /// foot and surface as in the DAW files.
    public static func parse(_ data: Data, source: String, frameRate: Double) throws -> [StepEvent] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw FootfallError.badInput("\(source) is not valid OpenTimelineIO JSON: \(error.localizedDescription)")
        }
        var steps: [StepEvent] = []
        var warnings: [String] = []
        var pending: [(Any, Int)] = [(root, 0)]
        while let (node, depth) = pending.popLast() {
            // Deep nesting is refused by the JSON reader already; the bound keeps this walk from looping on it.
            guard depth < 64 else { continue }
            if let list = node as? [Any] {
                pending += list.map { ($0, depth + 1) }
            } else if let dict = node as? [String: Any] {
                if (dict["OTIO_SCHEMA"] as? String)?.hasPrefix("Marker.") == true {
                    steps.append(try marker(dict, source: source, frameRate: frameRate, warnings: &warnings))
                } else {
                    pending += dict.values.map { ($0, depth + 1) }
                }
            }
        }
        return steps.sorted { $0.time < $1.time }
    }

    static func marker(_ d: [String: Any], source: String, frameRate: Double, warnings: inout [String]) throws
        -> StepEvent
    {
        let start = (d["marked_range"] as? [String: Any])?["start_time"] as? [String: Any]
        guard let value = (start?["value"] as? NSNumber)?.doubleValue,
            let rate = (start?["rate"] as? NSNumber)?.doubleValue, rate > 0
        else {
            throw FootfallError.badInput(
                "\(source): a marker has no marked_range.start_time with value and rate; save it again from OpenTimelineIO"
            )
        }
        let t = value / rate
        guard MarkerFormats.isMarkerTime(t) else {
            throw FootfallError.badInput(
                "\(source): a marker at \(t) s is not seconds between 0 and \(Int(MarkerFormats.maxTime))")
        }
        var event = StepEvent(time: t, frame: MarkerFormats.frame(t, frameRate), walker: 0, foot: .left, confidence: 1)
        MarkerFormats.apply(
            label: d["name"] as? String ?? "", to: &event, place: "\(source) marker", warnings: &warnings)
        return event
    }
}
