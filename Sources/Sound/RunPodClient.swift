import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Runs one Stable Audio job on a RunPod serverless endpoint and returns the audio file's bytes.
///
/// `/runsync` for short clips (it answers with the result, or with a job id to poll if the worker is slow), `/run` and
/// `/status` polling otherwise. A job that outlives `config.timeout`, or whose task is cancelled, is cancelled on the
/// server too, so it stops costing GPU time.
struct RunPodClient: Sendable {
    let config: RunPodConfig
    let apiKey: Secret
    let endpointID: String
    let http: HTTPClient
    let logger: Logger

    init(config: RunPodConfig, http: HTTPClient = RunPodBackend.defaultHTTPClient, logger: Logger) throws(RunPodError) {
        if let reason = config.missingReason { throw .notConfigured(reason) }
        guard let key = config.apiKey, let endpoint = config.endpointID else {
            throw .notConfigured("missing settings")
        }
        self.config = config
        self.apiKey = key
        self.endpointID = endpoint
        self.http = http
        self.logger = logger
    }

    /// The audio bytes (WAV, MP3, FLAC…) of a finished job.
    func generate(_ input: RunPodJobInput) async throws -> Data {
        let deadline = NIODeadline.now() + .nanoseconds(Int64(config.timeout * 1e9))
        var jobID: String?
        do {
            let sync = input.secondsTotal <= config.runSyncMaxSeconds
            var status = try await submit(input, route: sync ? "runsync" : "run", deadline: deadline)
            jobID = status.id
            logger.info("RunPod job \(jobID ?? "?") \(status.state) (\(sync ? "runsync" : "run"))")
            while !status.isTerminal {
                guard let id = jobID else { throw RunPodError.malformedResponse("the job answer has no 'id' to poll") }
                try await pause(seconds: config.pollInterval, deadline: deadline)
                let next = try await self.status(of: id, deadline: deadline)
                if next.state != status.state { logger.debug("RunPod job \(id) \(next.state)") }
                status = next
            }
            if case .failed(let state) = status.state {
                throw RunPodError.jobFailed(status: state, detail: status.errorDetail)
            }
            return try await audio(from: status, deadline: deadline)
        } catch {
            var timedOut = false
            if case .timedOut = error as? RunPodError { timedOut = true }
            if let id = jobID, timedOut || Task.isCancelled || error is CancellationError { await cancel(jobID: id) }
            throw Task.isCancelled ? CancellationError() : error
        }
    }

    // MARK: - Steps

    private func submit(_ input: RunPodJobInput, route: String, deadline: NIODeadline) async throws -> RunPodJobStatus {
        let executionMs = max(5_000, Int(config.timeout * 1000))
        let inputJSON = String(decoding: input.canonicalJSON(), as: UTF8.self)
        let body = Data(#"{"input":\#(inputJSON),"policy":{"executionTimeout":\#(executionMs)}}"#.utf8)
        let response = try await send(.POST, url: "\(endpointURL)/\(route)", body: body, deadline: deadline)
        return try RunPodJobStatus(body: response, redact: apiKey.redact)
    }

    private func status(of jobID: String, deadline: NIODeadline) async throws -> RunPodJobStatus {
        let response = try await send(.GET, url: "\(endpointURL)/status/\(jobID)", body: nil, deadline: deadline)
        return try RunPodJobStatus(body: response, redact: apiKey.redact)
    }

    private func audio(from status: RunPodJobStatus, deadline: NIODeadline) async throws -> Data {
        let (payload, path) = try RunPodOutputLocator.payload(in: status.json, paths: config.audioPaths)
        switch payload {
        case .bytes(let data):
            logger.debug("RunPod audio: \(data.count) bytes of base64 at \(path)")
            return data
        case .url(let url):
            logger.debug("RunPod audio: downloading the file at \(path)")
            // Pre-signed storage URLs reject extra credentials: send the key only back to RunPod itself.
            let sameHost = URL(string: config.baseURL)?.host == url.host
            return try await send(.GET, url: url.absoluteString, body: nil, deadline: deadline, authorized: sameHost)
        }
    }

    /// Best effort: a failed cancel is logged, never thrown, since it runs while another error is on its way out.
    func cancel(jobID: String) async {
        let url = "\(endpointURL)/cancel/\(jobID)"
        let key = apiKey
        let http = self.http
        let logger = self.logger
        // A cancelled task cannot make requests, so the cancel runs in a task of its own.
        await Task.detached {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "authorization", value: "Bearer \(key.exposedValue)")
            do {
                let response = try await http.execute(request, timeout: .seconds(5))
                _ = try? await response.body.collect(upTo: 1 << 16)
                logger.info("RunPod job \(jobID) cancelled (HTTP \(response.status.code))")
            } catch {
                logger.warning(
                    "could not cancel RunPod job \(jobID): \(RunPodError.excerpt(key.redact(String(describing: error))))"
                )
            }
        }.value
    }

    private var endpointURL: String {
        let base = config.baseURL.hasSuffix("/") ? String(config.baseURL.dropLast()) : config.baseURL
        return "\(base)/\(endpointID)"
    }

    /// Sleeps `seconds`, or throws `timedOut` if the deadline comes first.
    func pause(seconds: Double, deadline: NIODeadline) async throws {
        let wake = NIODeadline.now() + .nanoseconds(Int64(seconds * 1e9))
        if wake > deadline { throw RunPodError.timedOut(seconds: config.timeout) }
        try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
    }
}
