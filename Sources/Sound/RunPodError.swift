import FootfallCore
import Foundation

/// What went wrong talking to RunPod or with what it sent back. Messages say what to do and never hold the key.
public enum RunPodError: Error, Sendable, Equatable, CustomStringConvertible {
    case notConfigured(String)
    case unauthorized(status: Int)
    case endpointNotFound(String)
    case http(status: Int, body: String)
    case network(String)
    case jobFailed(status: String, detail: String)
    case timedOut(seconds: Double)
    case malformedResponse(String)
    case noAudio(paths: [String])
    case undecodableAudio(String)
    case rejectedClip(String)

    public var description: String {
        switch self {
        case .notConfigured(let why):
            return "the runpod backend is not configured: \(why)"
        case .unauthorized(let status):
            return "RunPod rejected the API key (\(status)): check RUNPOD_API_KEY"
        case .endpointNotFound(let id):
            return "RunPod has no endpoint '\(id)' (404): check RUNPOD_ENDPOINT_ID"
        case .http(let status, let body):
            return "RunPod answered HTTP \(status)\(body.isEmpty ? "" : ": \(body)")"
        case .network(let what):
            return "cannot reach RunPod: \(what) (check the network and RUNPOD_BASE_URL)"
        case .jobFailed(let status, let detail):
            return "the RunPod job ended \(status)\(detail.isEmpty ? "" : ": \(detail)")"
        case .timedOut(let seconds):
            return "the RunPod job did not finish within \(Self.format(seconds)) s (raise RUNPOD_TIMEOUT, or check"
                + " the endpoint's workers)"
        case .malformedResponse(let what):
            return "RunPod sent a response Footfall cannot read: \(what)"
        case .noAudio(let paths):
            return "the RunPod job result has no audio at \(paths.joined(separator: ", ")) (set RUNPOD_AUDIO_PATH to"
                + " where your worker puts it)"
        case .undecodableAudio(let why):
            return "cannot decode the audio RunPod sent: \(why)"
        case .rejectedClip(let why):
            return "the generated clip was rejected: \(why)"
        }
    }

    /// As the error users see.
    public var footfallError: FootfallError { .failure(description) }

    /// At most `limit` characters of text a server sent, on one line: control characters (line breaks included)
    /// become spaces, so an error body cannot break a log line or forge one.
    static func excerpt(_ text: some StringProtocol, limit: Int = 300) -> String {
        var out = ""
        var count = 0
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            guard count < limit else {
                out += "…"
                break
            }
            let isControl =
                scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
            let space = isControl || scalar.properties.isWhitespace
            if space && lastWasSpace { continue }
            out.unicodeScalars.append(space ? " " : scalar)
            lastWasSpace = space
            count += 1
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    private static func format(_ seconds: Double) -> String {
        seconds >= 10 ? String(Int(seconds.rounded())) : String(format: "%.2g", seconds)
    }
}
