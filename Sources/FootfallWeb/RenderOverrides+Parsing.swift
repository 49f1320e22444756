import FootfallCore
import Foundation

extension RenderOverrides {
    /// Reads `backend`, `surface` and `seed` from form fields or JSON strings, refusing unknown names with a
    /// suggestion. Empty values and `surface=auto` mean "use the default".
    static func parse(_ fields: [String: String], backends: [String]) throws -> RenderOverrides {
        var overrides = RenderOverrides()
        if let backend = fields["backend"]?.trimmed, !backend.isEmpty {
            guard let match = backends.first(where: { $0.lowercased() == backend.lowercased() }) else {
                throw APIError.badRequest(
                    "unknown backend '\(backend.singleLine())'\(DidYouMean.hint(backend, from: backends)); backends: "
                        + backends.joined(separator: ", "))
            }
            overrides.backend = match
        }
        if let surface = fields["surface"]?.trimmed, !surface.isEmpty, surface.lowercased() != "auto" {
            do {
                overrides.surface = try SurfaceKind.parse(surface).rawValue
            } catch let error as FootfallError {
                throw APIError.badRequest(error.description + " (or 'auto' to detect)")
            }
        }
        if let seed = fields["seed"]?.trimmed, !seed.isEmpty {
            guard let value = UInt64(seed) else {
                throw APIError.badRequest("seed '\(seed.singleLine())' is not a whole number ≥ 0")
            }
            overrides.seed = value
        }
        return overrides
    }

    /// A JSON body such as `{"backend": "procedural", "surface": "gravel", "seed": 7}` (numbers or strings).
    static func parse(json data: Data, backends: [String]) throws -> RenderOverrides {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return try parse([:], backends: backends)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let dict = object as? [String: Any] else {
            throw APIError.badRequest(
                #"the body is not a JSON object; send e.g. {"backend": "procedural", "surface": "gravel", "seed": 7}"#)
        }
        let known: Set = ["backend", "surface", "seed"]
        if let unknown = dict.keys.sorted().first(where: { !known.contains($0) }) {
            throw APIError.badRequest(
                "unknown field '\(unknown.singleLine())'\(DidYouMean.hint(unknown, from: known)); fields: backend, surface, seed"
            )
        }
        var fields: [String: String] = [:]
        for (key, value) in dict {
            switch value {
            case let s as String: fields[key] = s
            case let n as NSNumber where key == "seed": fields[key] = n.stringValue
            case is NSNull: continue
            default:
                throw APIError.badRequest(
                    "field '\(key.singleLine())' must be a string\(key == "seed" ? " or a number" : "")")
            }
        }
        return try parse(fields, backends: backends)
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
