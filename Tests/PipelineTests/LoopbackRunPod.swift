import FootfallCore
import Foundation
import MediaIO
import NIOCore
import NIOHTTP1
import NIOPosix

/// A scripted RunPod stand-in on 127.0.0.1 (random port) for render tests; records every request.
final class LoopbackRunPod: @unchecked Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        var authorization: String?
        var body: String
    }

    struct Reply: Sendable {
        var status: Int
        var body: String
        /// Seconds to wait before answering (a slow but alive server).
        var delay: Double = 0

        static func json(_ object: [String: Any], status: Int = 200) -> Reply {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return Reply(status: status, body: String(decoding: data, as: UTF8.self))
        }
    }

    typealias Route = @Sendable (_ request: Request, _ earlier: [Request]) -> Reply

    private let lock = NSLock()
    private var recorded: [Request] = []
    private let route: Route
    private var channel: (any Channel)?
    private(set) var port = 0

    var baseURL: String { "http://127.0.0.1:\(port)/v2" }
    var requests: [Request] { lock.withLock { recorded } }

    private init(route: @escaping Route) { self.route = route }

    static func start(route: @escaping Route) async throws -> LoopbackRunPod {
        let server = LoopbackRunPod(route: route)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(LoopbackHandler(server: server))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        server.channel = channel
        server.port = channel.localAddress?.port ?? 0
        return server
    }

    func stop() async { try? await channel?.close() }

    fileprivate func handle(_ request: Request) -> Reply {
        let earlier = lock.withLock {
            defer { recorded.append(request) }
            return recorded
        }
        return route(request, earlier)
    }

    /// A job answer holding a WAV of `steps` separate synthetic footsteps (noise bursts over quiet room noise).
    static func completedJob(steps: Int = 6) throws -> [String: Any] {
        let rate = 44_100
        var rng = SeededRandom(seed: 11)
        var x = (0..<Int((0.7 + Double(steps) * 0.55) * Double(rate))).map { _ in Float(rng.uniform(-1...1)) * 0.0005 }
        for k in 0..<steps {
            let start = Int((0.3 + Double(k) * 0.55) * Double(rate))
            for i in 0..<Int(0.24 * Double(rate)) where start + i < x.count {
                let envelope = i < 88 ? Double(i) / 88 : exp(-Double(i - 88) / (0.03 * Double(rate)))
                x[start + i] += Float(envelope * rng.uniform(-1...1)) * 0.6
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("loopback-\(UUID()).wav").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WAVWriter.write(AudioBuffer(sampleRate: rate, channels: [x]), to: path)
        let wav = try Data(contentsOf: URL(fileURLWithPath: path))
        return ["id": "job-1", "status": "COMPLETED", "output": ["audio": wav.base64EncodedString()]]
    }
}

private final class LoopbackHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let server: LoopbackRunPod
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()

    init(server: LoopbackRunPod) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body.clear()
        case .body(var chunk):
            body.writeBuffer(&chunk)
        case .end:
            guard let head else { return }
            let request = LoopbackRunPod.Request(
                method: head.method.rawValue, path: head.uri, authorization: head.headers.first(name: "authorization"),
                body: String(buffer: body))
            let reply = server.handle(request)
            let keepAlive = head.isKeepAlive
            if reply.delay > 0 {
                context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(reply.delay * 1000))) {
                    self.respond(reply, keepAlive: keepAlive, context: context)
                }
            } else {
                respond(reply, keepAlive: keepAlive, context: context)
            }
        }
    }

    private func respond(_ reply: LoopbackRunPod.Reply, keepAlive: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "application/json")
        headers.add(name: "content-length", value: String(reply.body.utf8.count))
        let status = HTTPResponseStatus(statusCode: reply.status)
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))),
            promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: reply.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        if !keepAlive { context.close(promise: nil) }
    }
}
