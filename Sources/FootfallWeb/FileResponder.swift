import Foundation
import Hummingbird

/// Serves a file from disk with its content type and HTTP Range support, so a `<video>` element can seek.
struct FileResponder {
    let fileIO = FileIO()

    func respond(
        path: String, request: Request, context: some RequestContext, downloadName: String? = nil,
        cacheControl: String = "no-cache"
    ) async throws -> Response {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = (attributes[.size] as? NSNumber)?.intValue
        else { throw APIError.notFound("file not found") }
        var headers: HTTPFields = [
            .contentType: Self.contentType(for: path), .acceptRanges: "bytes", .cacheControl: cacheControl,
        ]
        if let downloadName {
            headers[.contentDisposition] = "attachment; filename=\"\(downloadName)\""
        }
        if let header = request.headers[.range] {
            guard let range = Self.byteRange(header, size: size) else {
                headers[.contentRange] = "bytes */\(size)"
                return Response(status: .rangeNotSatisfiable, headers: headers)
            }
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
            headers[.contentLength] = String(range.count)
            let body = try await fileIO.loadFile(path: path, range: range, context: context)
            return Response(status: .partialContent, headers: headers, body: body)
        }
        headers[.contentLength] = String(size)
        if size == 0 { return Response(status: .ok, headers: headers) }
        let body = try await fileIO.loadFile(path: path, context: context)
        return Response(status: .ok, headers: headers, body: body)
    }

    /// One range of `bytes=first-last`, `bytes=first-` or `bytes=-suffixLength`, clamped to the file; nil when it
    /// cannot be satisfied. Several ranges are answered with the first one only (allowed by RFC 9110).
    static func byteRange(_ header: String, size: Int) -> ClosedRange<Int>? {
        guard header.hasPrefix("bytes="), size > 0 else { return nil }
        let spec = header.dropFirst("bytes=".count).split(separator: ",").first?.trimmingWhitespace() ?? ""
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let first = parts[0].isEmpty ? nil : Int(parts[0])
        let last = parts[1].isEmpty ? nil : Int(parts[1])
        switch (parts[0].isEmpty, parts[1].isEmpty) {
        case (true, false):
            guard let suffix = last, suffix > 0 else { return nil }
            return max(0, size - suffix)...(size - 1)
        case (false, true):
            guard let first, first >= 0, first < size else { return nil }
            return first...(size - 1)
        case (false, false):
            guard let first, let last, first >= 0, first <= last, first < size else { return nil }
            return first...min(last, size - 1)
        case (true, true):
            return nil
        }
    }

    static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "mp4", "m4v": return "video/mp4"
        case "mov": return "video/quicktime"
        case "webm": return "video/webm"
        case "wav": return "audio/wav"
        case "zip": return "application/zip"
        case "json": return "application/json"
        case "csv": return "text/csv; charset=utf-8"
        case "txt", "edl": return "text/plain; charset=utf-8"
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        default: return "application/octet-stream"
        }
    }
}
