import Foundation

/// One answer from `/run`, `/runsync` or `/status`: the job id, its state and, when finished, the whole JSON.
struct RunPodJobStatus: @unchecked Sendable {
    // `json` holds only JSONSerialization output (dictionaries, arrays, strings, numbers), which is never mutated.

    enum State: Equatable, CustomStringConvertible {
        case queued, running, completed, failed(String), unknown(String)

        /// RunPod's own name for the state, for logs.
        var description: String {
            switch self {
            case .queued: return "IN_QUEUE"
            case .running: return "IN_PROGRESS"
            case .completed: return "COMPLETED"
            case .failed(let name), .unknown(let name): return name
            }
        }
    }

    var id: String?
    var state: State
    var json: Any
    /// The worker's `error` field, as text.
    var errorDetail: String

    var isTerminal: Bool {
        switch state {
        case .completed, .failed: return true
        case .queued, .running, .unknown: return false
        }
    }

    /// Parses a response body; anything that is not a JSON object with a `status` is malformed.
    init(body: Data, redact: (String) -> String) throws {
        guard let object = try? JSONSerialization.jsonObject(with: body), let dict = object as? [String: Any] else {
            let text = RunPodError.excerpt(redact(String(decoding: body.prefix(64 << 10), as: UTF8.self)), limit: 200)
            throw RunPodError.malformedResponse("not a JSON object: '\(text)'")
        }
        guard let status = dict["status"] as? String else {
            throw RunPodError.malformedResponse("no 'status' field in the job answer")
        }
        json = object
        id = dict["id"] as? String
        switch status.uppercased() {
        case "IN_QUEUE": state = .queued
        case "IN_PROGRESS": state = .running
        case "COMPLETED": state = .completed
        case "FAILED", "CANCELLED", "TIMED_OUT": state = .failed(status.uppercased())
        default: state = .unknown(status)
        }
        errorDetail = RunPodError.excerpt(redact(Self.text(of: dict["error"])))
    }

    private static func text(of value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "" }
        if let s = value as? String { return s }
        if JSONSerialization.isValidJSONObject(value),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        {
            return String(decoding: data, as: UTF8.self)
        }
        return String(describing: value)
    }
}
