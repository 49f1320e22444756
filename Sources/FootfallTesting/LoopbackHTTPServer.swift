import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A scripted HTTP server on 127.0.0.1 (random port) that records every request: the RunPod stand-in of the sound
/// and render tests (network tests talk only to servers the test starts).
public final class LoopbackHTTPServer: @unchecked Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: Data

        public var text: String { String(decoding: body, as: UTF8.self) }
        public var authorization: String? { headers["authorization"] }
        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    public struct Reply: Sendable {
        public var status: Int
        public var body: Data
        public var headers: [String: String] = [:]
        /// Seconds to wait before answering (a slow but alive server).
        public var delay: Double = 0

        public init(status: Int, body: Data, headers: [String: String] = [:], delay: Double = 0) {
            self.status = status
            self.body = body
            self.headers = headers
            self.delay = delay
        }

        public init(status: Int, body: String, delay: Double = 0) {
            self.init(status: status, body: Data(body.utf8), delay: delay)
        }

        public static func json(_ object: [String: Any], status: Int = 200, delay: Double = 0) -> Reply {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return Reply(status: status, body: data, headers: ["content-type": "application/json"], delay: delay)
        }

        public static func text(_ text: String, status: Int, delay: Double = 0) -> Reply {
            Reply(status: status, body: text, delay: delay)
        }
    }

    /// Answers a request; the server is passed so a route can look at what came before (the request being answered
    /// is already the last of `server.requests`).
    public typealias Route = @Sendable (_ request: Request, _ server: LoopbackHTTPServer) -> Reply

    private let lock = NSLock()
    private var recorded: [Request] = []
    private let route: Route
    private var channel: (any Channel)?
    public private(set) var port = 0

    /// RunPod's API root on this server.
    public var baseURL: String { "http://127.0.0.1:\(port)/v2" }

    private init(route: @escaping Route) { self.route = route }

    public static func start(
        on group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, route: @escaping Route
    ) async throws -> LoopbackHTTPServer {
        let server = LoopbackHTTPServer(route: route)
        let channel = try await ServerBootstrap(group: group)
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

    public func stop() async { try? await channel?.close() }

    public var requests: [Request] { lock.withLock { recorded } }

    /// Requests whose path contains `fragment`.
    public func requests(matching fragment: String) -> [Request] { requests.filter { $0.path.contains(fragment) } }

    fileprivate func handle(_ request: Request) -> Reply {
        lock.withLock { recorded.append(request) }
        return route(request, self)
    }
}

private final class LoopbackHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let server: LoopbackHTTPServer
    private var head: HTTPRequestHead?
    private var body = Data()

    init(server: LoopbackHTTPServer) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = Data()
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head else { return }
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let request = LoopbackHTTPServer.Request(
                method: head.method.rawValue, path: head.uri, headers: headers, body: body)
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

    private func respond(_ reply: LoopbackHTTPServer.Reply, keepAlive: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders()
        for (name, value) in reply.headers { headers.add(name: name, value: value) }
        headers.add(name: "content-length", value: String(reply.body.count))
        let head = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: reply.body.count)
        buffer.writeBytes(reply.body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        if !keepAlive { context.close(promise: nil) }
    }
}
