import FootfallCore
import FootfallTesting
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Plain HTTP requests to the loopback servers the tests start (a web server, a worker's metrics endpoint).
enum HTTP {
    static func get(_ url: String) async throws -> (body: Data, status: Int) {
        try await send(URLRequest(url: URL(string: url)!))
    }

    /// A multipart upload with the video in the field `video`, as a browser or `curl -F video=@…` sends it.
    static func upload(_ file: Data, name: String, fields: [String: String] = [:], to url: String) async throws -> (
        body: Data, status: Int
    ) {
        let boundary = "farm-test-\(UUID().uuidString)"
        let body = MultipartUpload.body(video: file, name: name, fields: fields, boundary: boundary)
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        return try await send(request)
    }

    static func post(_ url: String, json: String, method: String = "POST") async throws -> (body: Data, status: Int) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        return try await send(request)
    }

    private static func send(_ request: URLRequest) async throws -> (body: Data, status: Int) {
        var request = request
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw FootfallError.failure("not an HTTP response") }
        return (data, http.statusCode)
    }

    static func json(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}

/// The value of one series in Prometheus's text format (`name{labels} value`), nil when it is not there.
func prometheusValue(_ series: String, in text: String) -> Double? {
    for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
        return Double(line.dropFirst(series.count + 1).split(separator: " ").first ?? "")
    }
    return nil
}
