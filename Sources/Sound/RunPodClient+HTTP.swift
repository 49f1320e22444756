import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

extension RunPodClient {
    /// The largest body accepted (RunPod caps results at 20 MB; base64 of a 47 s stereo WAV is about 11 MB).
    static let maxBodyBytes = 64 << 20

    /// One HTTP exchange with retries: 429, 5xx and network errors back off (exponentially, with jitter, or as the
    /// server's `Retry-After` says) up to `config.maxAttempts` tries; 401/403 and other 4xx fail at once. A server
    /// that cannot be connected to at all is retried only within `config.connectBudget` seconds.
    func send(
        _ method: HTTPMethod, url: String, body: Data?, deadline: NIODeadline, authorized: Bool = true
    ) async throws -> Data {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if authorized { request.headers.add(name: "authorization", value: "Bearer \(apiKey.exposedValue)") }
        request.headers.add(name: "accept", value: "application/json")
        if let body {
            request.headers.add(name: "content-type", value: "application/json")
            request.body = .bytes(body)
        }
        let what = "\(method) \(apiKey.redact(route(of: url)))"
        let host = URLComponents(string: url).map { "\($0.host ?? "?")\($0.port.map { ":\($0)" } ?? "")" } ?? "?"
        var attempt = 1
        var firstConnectFailure: NIODeadline?
        while true {
            let status: Int
            let data: Data
            let retryAfter: Double?
            do {
                let requestDeadline = min(deadline, .now() + .nanoseconds(Int64(config.requestTimeout * 1e9)))
                let response = try await http.execute(request, deadline: requestDeadline)
                let buffer = try await response.body.collect(upTo: Self.maxBodyBytes)
                data = Data(buffer.readableBytesView)
                status = Int(response.status.code)
                retryAfter = response.headers.first(name: "retry-after").flatMap(Double.init)
            } catch {
                if Task.isCancelled || error is CancellationError { throw CancellationError() }
                if let failure = RunPodConnectFailure(error, host: host) {
                    // Never reached the server: a few quick tries, then give up long before the job's timeout.
                    let since = firstConnectFailure ?? .now()
                    firstConnectFailure = since
                    let delay = min(1, config.backoffBase * pow(2, Double(attempt - 1)))
                    let budgetLeft =
                        NIODeadline.now() + .nanoseconds(Int64(delay * 1e9))
                        < since + .nanoseconds(Int64(config.connectBudget * 1e9))
                    guard failure.isTransient, attempt < config.maxAttempts, budgetLeft else {
                        throw RunPodError.network(apiKey.redact(failure.reason))
                    }
                    // Info, not warning: if every try fails, the fallback's warning says so once.
                    logger.info(
                        "\(what): \(apiKey.redact(failure.reason)); retrying in \(String(format: "%.2f", delay)) s")
                    try await pause(seconds: delay, deadline: deadline)
                    attempt += 1
                    continue
                }
                if NIODeadline.now() >= deadline { throw RunPodError.timedOut(seconds: config.timeout) }
                let reason = RunPodError.excerpt(apiKey.redact(String(describing: error)), limit: 200)
                guard attempt < config.maxAttempts else { throw RunPodError.network("\(what): \(reason)") }
                try await backOff(
                    attempt: attempt, retryAfter: nil, why: "\(what) failed (\(reason))", deadline: deadline)
                attempt += 1
                continue
            }
            switch status {
            case 200..<300:
                return data
            case 401, 403:
                throw RunPodError.unauthorized(status: status)
            case 404 where !url.contains("/status/"):
                throw RunPodError.endpointNotFound(endpointID)
            case 429 where attempt < config.maxAttempts, 500...599 where attempt < config.maxAttempts:
                try await backOff(
                    attempt: attempt, retryAfter: retryAfter, why: "\(what) got HTTP \(status)", deadline: deadline)
                attempt += 1
            default:
                // Redacted before it is cut short, so a key straddling the cut cannot survive in part.
                let text = RunPodError.excerpt(apiKey.redact(String(decoding: data.prefix(64 << 10), as: UTF8.self)))
                throw RunPodError.http(status: status, body: text)
            }
        }
    }

    private func backOff(attempt: Int, retryAfter: Double?, why: String, deadline: NIODeadline) async throws {
        let exponential = min(config.backoffMax, config.backoffBase * pow(2, Double(attempt - 1)))
        let delay = retryAfter.map { min($0, config.backoffMax) } ?? exponential * Double.random(in: 0.5...1.0)
        logger.warning(
            "\(why); retrying in \(String(format: "%.2f", delay)) s (attempt \(attempt + 1) of \(config.maxAttempts))")
        try await pause(seconds: delay, deadline: deadline)
    }

    /// The URL without scheme and host, for messages (download URLs can carry signed tokens, so they're cut short).
    private func route(of url: String) -> String {
        guard let components = URLComponents(string: url) else { return "request" }
        let path = components.path
        return path.count > 80 ? String(path.prefix(80)) + "…" : path
    }
}
