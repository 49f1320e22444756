import FootfallTesting
import Foundation
import Testing

@testable import FootfallWeb

extension WebClient {
    /// Starts `server` on a free loopback port; cancelling the returned task stops it.
    static func start(_ server: WebServer) async -> (client: WebClient, running: Task<Void, any Error>) {
        let (port, running) = await server.startListening()
        return (WebClient(port: port), running)
    }

    /// Uploads a 2 s synthetic clip (the first render runs pose and finds nobody in it), waits for that render and
    /// gives the job `steps` through the editor's API, as a user who edited the timeline would; returns the job id.
    func jobWithEditedSteps(_ steps: String, in folder: URL, server: WebServer) async throws -> String {
        let video = folder.appendingPathComponent("clip.mp4").path
        _ = try SyntheticClip.make(at: video, width: 160, height: 120, fps: 15, duration: 2)
        let uploaded = try await upload(try Data(contentsOf: URL(fileURLWithPath: video)))
        let id = try #require(uploaded["id"] as? String)
        await server.waitUntilIdle()
        _ = try await send("/api/jobs/\(id)/steps", body: steps, method: "PUT")
        return id
    }
}
