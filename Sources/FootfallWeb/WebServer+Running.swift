import Hummingbird

extension WebServer {
    /// Starts the server in a task and returns once it listens, with the port it bound (a configured port 0 picks a
    /// free one): for embedding the server, and for tests that talk to it over loopback. Cancel the task to stop it.
    public func startListening() async -> (port: Int, task: Task<Void, any Error>) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = makeApplication { port in continuation.yield(port) }
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await bound in stream {
            port = bound
            break
        }
        return (port, task)
    }
}
