import FootfallCore
import Foundation
import Testing

@testable import FootfallWeb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("web pages and static files")
struct WebPageTests {
    @Test func pagesScriptStyleAndHealthAreServed() async throws {
        let folder = try temporaryFolder("pages")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try await TestServer.start(data: folder + "/data")

        let (index, indexResponse) = try await server.get("/")
        #expect(indexResponse.statusCode == 200)
        #expect(indexResponse.value(forHTTPHeaderField: "Content-Type") == "text/html; charset=utf-8")
        let html = String(decoding: index, as: UTF8.self)
        #expect(html.contains("id=\"upload-form\""))
        #expect(html.contains("<option value=\"recorded\" selected>recorded</option>"))
        #expect(html.contains("<option value=\"procedural\">procedural</option>"))
        // Nothing is loaded from other hosts.
        #expect(!html.contains("http://") && !html.contains("https://"))

        let (script, scriptResponse) = try await server.get("/static/app.js")
        #expect(scriptResponse.value(forHTTPHeaderField: "Content-Type") == "text/javascript; charset=utf-8")
        #expect(String(decoding: script, as: UTF8.self).contains("/api/jobs"))
        let (_, styleResponse) = try await server.get("/static/app.css")
        #expect(styleResponse.value(forHTTPHeaderField: "Content-Type") == "text/css; charset=utf-8")
        #expect(try await server.get("/static/missing.js").1.statusCode == 404)

        let (health, _) = try await server.get("/healthz")
        #expect(json(health)["status"] as? String == "ok")
        let (unknown, unknownResponse) = try await server.get("/api/nothing-here")
        #expect(unknownResponse.statusCode == 404)
        #expect(json(unknown)["error"] is String)
        await server.stop()
    }

    @Test func formPostsWorkWithoutJavaScript() async throws {
        let folder = try temporaryFolder("forms")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try await TestServer.start(data: folder + "/data")
        let clip = try makeClip(in: folder)

        // The upload form posts to /jobs and is redirected to the job page (URLSession follows the redirect).
        let (page, response) = try await server.upload(
            clip, name: "walk.mp4", fields: ["surface": "auto"], path: "/jobs")
        #expect(response.statusCode == 200)
        let id = try #require(response.url?.lastPathComponent)
        #expect(response.url?.path == "/jobs/\(id)")
        #expect(String(decoding: page, as: UTF8.self).contains("walk.mp4"))
        await server.server.waitUntilIdle()

        let (rerendered, rerenderResponse) = try await server.post(
            "/jobs/\(id)/render", body: Data("backend=samples&surface=wood&seed=4".utf8),
            contentType: "application/x-www-form-urlencoded")
        #expect(rerenderResponse.statusCode == 200)
        #expect(String(decoding: rerendered, as: UTF8.self).contains("id=\"job\""))
        await server.server.waitUntilIdle()
        let job = json(try await server.get("/api/jobs/\(id)").0)
        #expect((job["overrides"] as? [String: Any])?["surface"] as? String == "wood")
        #expect(job["render_count"] as? Int == 2)

        // A bad form value gives an HTML page with the message, not JSON.
        let (bad, badResponse) = try await server.post(
            "/jobs/\(id)/render", body: Data("surface=lava".utf8), contentType: "application/x-www-form-urlencoded")
        #expect(badResponse.statusCode == 400)
        #expect(
            String(decoding: bad, as: UTF8.self).contains("unknown surface &#39;lava&#39;")
                || String(decoding: bad, as: UTF8.self).contains("unknown surface 'lava'"))

        var head = URLRequest(url: server.url("/api/jobs/\(id)/files/walk.footsteps.mp4"))
        head.httpMethod = "HEAD"
        let (_, headResponse) = try await URLSession.shared.data(for: head)
        let http = try #require(headResponse as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "Content-Length") == String(clip.count))
        #expect(http.value(forHTTPHeaderField: "Accept-Ranges") == "bytes")
        await server.stop()
    }
}
