import FootfallCore
import FootfallTesting
import Foundation
import MediaIO
import Testing

@testable import FootfallWeb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Holds renders until a test lets them go, so it can look at queued and running jobs.
actor Gate {
    private var isOpen: Bool
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(open: Bool) { isOpen = open }

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}

/// Stands in for the render pipeline: reports stages, then writes small real files the way the pipeline names them
/// (the "rendered" MP4 is a copy of the upload, so the player and Range requests have a real video).
/// The render requests a fake renderer received, in order.
actor RenderLog {
    private(set) var requests: [JobRenderRequest] = []
    func append(_ request: JobRenderRequest) { requests.append(request) }
}

struct FakeRenderer: JobRenderer {
    let gate: Gate
    var failWith: FootfallError?
    var log = RenderLog()
    var backendNames: [String] { ["recorded", "procedural", "samples", "runpod"] }

    func backendChoices(config: FootfallConfig) -> [BackendChoice] {
        backendNames.map {
            BackendChoice(name: $0, unavailableReason: $0 == "runpod" ? "RUNPOD_API_KEY is not set" : nil)
        }
    }

    func render(_ request: JobRenderRequest, progress: @escaping JobProgressHandler) async throws -> JobRenderOutput {
        await log.append(request)
        if let placed = request.placedSteps { return try renderPlaced(placed, request) }
        progress("pose", 0.25)
        await gate.wait()
        if let failWith { throw failWith }
        progress("sound", 0.75)
        let stem = URL(fileURLWithPath: request.video).deletingPathExtension().lastPathComponent
        let out = URL(fileURLWithPath: request.outputDirectory)
        let stems = out.appendingPathComponent("stems")
        try FileManager.default.createDirectory(at: stems, withIntermediateDirectories: true)
        let mp4 = out.appendingPathComponent("\(stem).footsteps.mp4")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: request.video), to: mp4)
        let wav = out.appendingPathComponent("\(stem).footsteps.wav")
        let reused =
            request.stepsFile.map { FileManager.default.fileExists(atPath: $0) ? " reused-steps" : " missing" } ?? ""
        try Data("RIFF fake wav \(request.config.backend) \(request.config.surface ?? "auto")\(reused)".utf8).write(
            to: wav)
        for name in ["walker1.left.wav", "walker1.right.wav"] {
            try Data(repeating: 7, count: 1000).write(to: stems.appendingPathComponent(name))
        }
        let steps = [0.3, 0.8, 1.3].enumerated().map { i, t in
            StepEvent(
                time: t, frame: Int(t * 30), walker: 1 + i % 2, foot: i % 2 == 0 ? .left : .right, confidence: 0.9,
                surface: request.config.surface ?? "concrete")
        }
        let document = StepsDocument(
            video: .init(file: stem, width: 320, height: 240, duration: 2, frameRate: 30), steps: steps)
        try document.encoded().write(to: out.appendingPathComponent("\(stem).steps.json"))
        return JobRenderOutput(
            outputs: [mp4.path, wav.path], document: document, warnings: [],
            timings: [StageSeconds(stage: "pose", seconds: 0.1)])
    }
}

extension FakeRenderer {
    /// Edited steps: a real WAV with a click on each step (so the waveform has something to show), the steps and the
    /// picture copied as the MP4, as the pipeline does.
    func renderPlaced(_ placed: StepsDocument, _ request: JobRenderRequest) throws -> JobRenderOutput {
        let stem = URL(fileURLWithPath: request.video).deletingPathExtension().lastPathComponent
        let out = URL(fileURLWithPath: request.outputDirectory)
        let wav = out.appendingPathComponent("\(stem).footsteps.wav")
        try WAVWriter.write(SyntheticAudio.clicks(at: placed.steps.map(\.time), duration: 2), to: wav.path)
        try placed.encoded().write(to: out.appendingPathComponent("\(stem).steps.json"))
        let mp4 = out.appendingPathComponent("\(stem).footsteps.mp4")
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: request.pictureSource ?? request.video), to: mp4)
        return JobRenderOutput(outputs: [wav.path, mp4.path], document: placed)
    }
}

/// A server on a free loopback port over a temporary data folder, driven with URLSession like a real client.
final class TestServer: Sendable {
    let server: WebServer
    let port: Int
    let task: Task<Void, any Error>

    static func start(
        data: String, gate: Gate = Gate(open: true), failWith: FootfallError? = nil, maxUploadBytes: Int = 50_000_000,
        maxDuration: Double = 600, log: RenderLog = RenderLog()
    ) async throws -> TestServer {
        let config = WebServerConfig(
            host: "127.0.0.1", port: 0, dataDirectory: data, maxUploadBytes: maxUploadBytes,
            maxDurationSeconds: maxDuration)
        let server = try await WebServer(
            config: config, renderer: FakeRenderer(gate: gate, failWith: failWith, log: log),
            prober: MediaProbeUploadProber())
        let (port, task) = await server.startListening()
        return TestServer(server: server, port: port, task: task)
    }

    private init(server: WebServer, port: Int, task: Task<Void, any Error>) {
        self.server = server
        self.port = port
        self.task = task
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: url(path))
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        return try await send(request)
    }

    func post(_ path: String, body: Data, contentType: String, method: String = "POST") async throws -> (
        Data, HTTPURLResponse
    ) {
        var request = URLRequest(url: url(path))
        request.httpMethod = method
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        return try await send(request)
    }

    /// Posts a multipart upload with the video in `video` and the given text fields.
    func upload(
        _ file: Data, name: String = "clip.mp4", fields: [String: String] = [:], path: String = "/api/jobs"
    ) async throws -> (Data, HTTPURLResponse) {
        let boundary = "test-boundary-\(UUID().uuidString)"
        let body = MultipartUpload.body(video: file, name: name, fields: fields, boundary: boundary)
        return try await post(path, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    private func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw FootfallError.failure("not an HTTP response") }
        return (data, http)
    }
}

func json(_ data: Data) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
}

func temporaryFolder(_ name: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("footfall-web-\(name)-\(UUID())").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A real two-second H.264 MP4 made with FFmpeg's libraries.
func makeClip(in folder: String) throws -> Data {
    let path = folder + "/clip.mp4"
    try SyntheticClip.make(at: path, width: 160, height: 120, fps: 15, duration: 2)
    return try Data(contentsOf: URL(fileURLWithPath: path))
}
