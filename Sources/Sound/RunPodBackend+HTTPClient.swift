import AsyncHTTPClient
import NIOCore
import NIOPosix

extension RunPodBackend {
    /// The HTTP client the runpod backend uses unless given another: like `HTTPClient.shared`, but a connection that
    /// cannot be made fails at once (AsyncHTTPClient's default keeps retrying it until the request's deadline, so a
    /// server that is down cost minutes) and connecting gives up after `connectTimeout`. `RunPodClient.send` does
    /// the retrying itself, within `RunPodConfig.connectBudget`. Lives as long as the process, like `.shared`.
    public static let defaultHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(Int64(connectTimeout))
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()

    /// Seconds to establish one connection (TCP and TLS): generous for a live API host, short for a dead one.
    public static let connectTimeout = 4
}
