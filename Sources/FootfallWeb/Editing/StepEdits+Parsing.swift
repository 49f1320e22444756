import FootfallCore
import Foundation

extension StepEdits {
    static let maxSteps = 20_000
    /// Fields a `PUT …/steps` body may have: the edits, plus what `GET …/steps` answers with, so a downloaded file
    /// can be sent back as it is.
    static let topLevelFields: Set = [
        "steps", "walkers", "surfaces", "version", "video", "render", "toe_offs", "edited",
    ]

    /// Reads and checks a `PUT /api/jobs/{id}/steps` body. Every refusal says which entry and field is wrong, what
    /// was expected and (for names) what was probably meant.
    static func parse(json data: Data, duration: Double) throws -> StepEdits {
        guard let object = try? JSONSerialization.jsonObject(with: data), let body = object as? [String: Any] else {
            throw APIError.badRequest(
                #"the body is not a JSON object; send e.g. {"steps": [{"time": 1.25, "walker": 1, "foot": "left"}]}"#)
        }
        if let unknown = body.keys.sorted().first(where: { !topLevelFields.contains($0) }) {
            throw APIError.badRequest(
                "unknown field '\(unknown.singleLine())'\(DidYouMean.hint(unknown, from: topLevelFields)); fields: steps, walkers, surfaces"
            )
        }
        guard let rawSteps = body["steps"] as? [Any] else {
            throw APIError.badRequest(
                #"'steps' is missing or not a list; send {"steps": [{"time": 1.25, "foot": "left"}]}"#)
        }
        guard rawSteps.count <= maxSteps else {
            throw APIError.badRequest("\(rawSteps.count) steps is more than the \(maxSteps) a job can hold")
        }
        var parser = Parser(duration: duration)
        let steps = try rawSteps.enumerated().map { try parser.step($1, at: "steps[\($0)]") }
        let walkers = try list(body["walkers"], "walkers").enumerated().map {
            try parser.walker($1, at: "walkers[\($0)]")
        }
        var seen = Set<Int>()
        for (i, w) in walkers.enumerated() where !seen.insert(w.walker).inserted {
            throw APIError.badRequest("walkers[\(i)]: walker \(w.walker) is listed twice; give each walker one entry")
        }
        let stretches = try list(body["surfaces"], "surfaces").enumerated().compactMap {
            try parser.stretch($1, at: "surfaces[\($0)]")
        }
        return StepEdits(steps: steps, walkers: walkers, surfaces: stretches)
    }

    private static func list(_ value: Any?, _ name: String) throws -> [Any] {
        switch value {
        case nil, is NSNull: return []
        case let list as [Any]: return list
        default: throw APIError.badRequest("'\(name)' must be a list")
        }
    }

    private struct Parser {
        let duration: Double

        func object(_ value: Any, at path: String) throws -> [String: Any] {
            guard let object = value as? [String: Any] else { throw APIError.badRequest("\(path) must be an object") }
            return object
        }

        func number(_ value: Any?, _ path: String) throws -> Double? {
            switch value {
            case nil, is NSNull: return nil
            case let n as NSNumber:
                guard n.doubleValue.isFinite else { throw APIError.badRequest("\(path) must be a finite number") }
                return n.doubleValue
            default: throw APIError.badRequest("\(path) must be a number")
            }
        }

        func time(_ value: Any?, _ path: String) throws -> Double {
            guard let t = try number(value, path) else { throw APIError.badRequest("\(path) is missing") }
            guard t >= 0, t <= duration else {
                throw APIError.badRequest(
                    "\(path) is \(Self.seconds(t)); times must be inside the video, 0 to \(Self.seconds(duration))")
            }
            return t
        }

        func walkerID(_ value: Any?, _ path: String) throws -> Int? {
            guard let n = try number(value, path) else { return nil }
            guard n == n.rounded(), n >= 0, n <= 1_000_000 else {
                throw APIError.badRequest("\(path) is \(n); walker ids are whole numbers ≥ 0")
            }
            return Int(n)
        }

        func name(_ value: Any?, _ path: String) throws -> String? {
            switch value {
            case nil, is NSNull: return nil
            case let s as String: return s.trimmed.isEmpty ? nil : s.trimmed
            default: throw APIError.badRequest("\(path) must be a string")
            }
        }

        func surface(_ value: Any?, _ path: String) throws -> String? {
            guard let name = try name(value, path), name.lowercased() != "auto" else { return nil }
            do {
                return try SurfaceKind.parse(name).rawValue
            } catch let error as FootfallError {
                throw APIError.badRequest("\(path): \(error.description)")
            }
        }

        func shoe(_ value: Any?, _ path: String) throws -> String? {
            guard let name = try name(value, path), name.lowercased() != "auto" else { return nil }
            do {
                return try ShoeKind.parse(name).rawValue
            } catch let error as FootfallError {
                throw APIError.badRequest("\(path): \(error.description)")
            }
        }

        mutating func step(_ value: Any, at path: String) throws -> StepEvent {
            let o = try object(value, at: path)
            let time = try time(o["time"], "\(path).time")
            guard let footName = try name(o["foot"], "\(path).foot") else {
                throw APIError.badRequest("\(path).foot is missing; feet: left, right")
            }
            guard let foot = Foot(rawValue: footName.lowercased()) else {
                throw APIError.badRequest(
                    "\(path).foot '\(footName.singleLine())' is not a foot\(DidYouMean.hint(footName, from: ["left", "right"])); feet: left, right"
                )
            }
            // The rest (position, size, mix, cues) is what the detector recorded; kept when it reads, else dropped.
            var step =
                (try? JSONDecoder().decode(StepEvent.self, from: JSONSerialization.data(withJSONObject: o)))
                ?? StepEvent(time: time, frame: 0, walker: 0, foot: foot, confidence: 1)
            step.time = time
            step.foot = foot
            step.walker = try walkerID(o["walker"], "\(path).walker") ?? 0
            // A step's surface follows from the stretches, the walker's choice and detection (see `placed`).
            step.surface = nil
            step.kind = .heelStrike
            if o["method"] == nil { step.method = "manual" }
            return step
        }

        func walker(_ value: Any, at path: String) throws -> WalkerChoice {
            let o = try object(value, at: path)
            guard let id = try walkerID(o["walker"], "\(path).walker") else {
                throw APIError.badRequest("\(path).walker is missing (the walker's id, as in the steps)")
            }
            return WalkerChoice(
                walker: id, shoe: try shoe(o["shoe"], "\(path).shoe"),
                surface: try surface(o["surface"], "\(path).surface"))
        }

        /// Detected and fallback entries (in a steps JSON sent back as it was downloaded) are the detector's, not
        /// edits: they are skipped.
        func stretch(_ value: Any, at path: String) throws -> SurfaceStretch? {
            let o = try object(value, at: path)
            if let source = o["source"] as? String, source != SurfaceSegment.Source.override.rawValue { return nil }
            let start = try time(o["start"], "\(path).start")
            let end = try time(o["end"], "\(path).end")
            guard end > start else {
                throw APIError.badRequest(
                    "\(path) ends at \(Self.seconds(end)), not after its start \(Self.seconds(start))")
            }
            guard let surface = try surface(o["surface"], "\(path).surface") else {
                throw APIError.badRequest("\(path).surface is missing; surfaces: \(Self.surfaceNames)")
            }
            return SurfaceStretch(
                walker: try walkerID(o["walker"], "\(path).walker"), start: start, end: end, surface: surface)
        }

        static var surfaceNames: String { SurfaceKind.allCases.map(\.rawValue).joined(separator: ", ") }
        static func seconds(_ t: Double) -> String { String(format: "%.3f s", t) }
    }
}
