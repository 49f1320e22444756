import Foundation

/// The audio in a finished job's JSON: base64 (optionally a `data:` URI) or an http(s) URL to download.
public enum RunPodAudioPayload: Sendable, Equatable {
    case bytes(Data)
    case url(URL)
}

/// Finds the audio in a RunPod job result by JSON path (`output.audio`, `output[0].audio_url`, …).
///
/// Workers put their result under `output` in whatever shape their author chose, so the path is configurable
/// (`RUNPOD_AUDIO_PATH`) and by default a few common shapes are tried in order.
public enum RunPodOutputLocator {
    public static let defaultPaths = [
        "output.audio", "output.audio_base64", "output.audio_url", "output.url", "output.wav", "output.file",
        "output[0].audio", "output[0].audio_base64", "output[0].audio_url", "output.audios[0]", "output",
    ]

    /// The first payload found at one of `paths` in `json`, or `RunPodError.noAudio`.
    public static func payload(in json: Any, paths: [String]) throws -> (payload: RunPodAudioPayload, path: String) {
        for path in paths {
            guard let value = value(at: path, in: json) as? String else { continue }
            if let payload = try decode(value) { return (payload, path) }
        }
        throw RunPodError.noAudio(paths: paths)
    }

    /// The value at a dotted path with `[n]` indices, or nil.
    public static func value(at path: String, in json: Any) -> Any? {
        var current: Any? = json
        for component in components(of: path) {
            switch component {
            case .key(let k): current = (current as? [String: Any])?[k]
            case .index(let i):
                guard let array = current as? [Any], array.indices.contains(i) else { return nil }
                current = array[i]
            }
        }
        return current
    }

    private enum Component { case key(String), index(Int) }

    private static func components(of path: String) -> [Component] {
        var result: [Component] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { result.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let i = Int(rest[rest.index(after: rest.startIndex)..<close]) { result.append(.index(i)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                result.append(.key(String(rest)))
            }
        }
        return result
    }

    /// A URL, a data URI or bare base64; nil for text that is none of them (so the next path is tried).
    private static func decode(_ text: String) throws -> RunPodAudioPayload? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") {
            guard let url = URL(string: trimmed) else {
                throw RunPodError.malformedResponse("the audio URL is not a valid URL")
            }
            return .url(url)
        }
        var base64 = trimmed
        if trimmed.hasPrefix("data:") {
            guard let comma = trimmed.firstIndex(of: ","), trimmed[..<comma].hasSuffix(";base64") else {
                throw RunPodError.malformedResponse("the audio data URI is not base64")
            }
            base64 = String(trimmed[trimmed.index(after: comma)...])
        }
        base64.removeAll { $0.isWhitespace }
        guard base64.count >= 16, let data = Data(base64Encoded: base64), !data.isEmpty
        else { return nil }
        return .bytes(data)
    }
}
