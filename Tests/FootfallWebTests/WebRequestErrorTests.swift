import FootfallCore
import Foundation
import Testing

@testable import FootfallWeb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("web request errors")
struct WebRequestErrorTests {
    @Test func uploadOverTheSizeLimitIs413() async throws {
        let folder = try temporaryFolder("size")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clip = try makeClip(in: folder)
        let server = try await TestServer.start(data: folder + "/data", maxUploadBytes: clip.count / 2)
        let (data, response) = try await server.upload(clip)
        #expect(response.statusCode == 413)
        #expect((json(data)["error"] as? String)?.contains("larger than this server's limit") == true)
        // Nothing is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/data").isEmpty)
        await server.stop()
    }

    @Test func videoLongerThanTheLimitIsRefused() async throws {
        let folder = try temporaryFolder("duration")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try await TestServer.start(data: folder + "/data", maxDuration: 1)
        let (data, response) = try await server.upload(try makeClip(in: folder))
        #expect(response.statusCode == 400)
        #expect((json(data)["error"] as? String)?.contains("takes videos up to 1 s") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/data").isEmpty)
        await server.stop()
    }

    @Test func nonVideoIsRefusedByContentNotName() async throws {
        let folder = try temporaryFolder("notvideo")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try await TestServer.start(data: folder + "/data")
        let (data, response) = try await server.upload(
            Data(String(repeating: "this is a text file, not a video\n", count: 200).utf8), name: "holiday.mp4")
        #expect(response.statusCode == 400)
        let message = try #require(json(data)["error"] as? String)
        #expect(message.contains("'holiday.mp4' is not a video"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/data").isEmpty)
        await server.stop()
    }

    @Test func badRequestsGetJSONErrors() async throws {
        let folder = try temporaryFolder("bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clip = try makeClip(in: folder)
        let server = try await TestServer.start(data: folder + "/data")

        let (backend, backendResponse) = try await server.upload(clip, fields: ["backend": "procedral"])
        #expect(backendResponse.statusCode == 400)
        #expect((json(backend)["error"] as? String)?.contains("did you mean 'procedural'") == true)

        let (surface, surfaceResponse) = try await server.upload(clip, fields: ["surface": "gravle"])
        #expect(surfaceResponse.statusCode == 400)
        #expect((json(surface)["error"] as? String)?.contains("did you mean 'gravel'") == true)

        let (notMultipart, notMultipartResponse) = try await server.post(
            "/api/jobs", body: Data("{}".utf8), contentType: "application/json")
        #expect(notMultipartResponse.statusCode == 400)
        #expect((json(notMultipart)["error"] as? String)?.contains("multipart/form-data") == true)

        let (created, _) = try await server.upload(clip)
        let id = try #require(json(created)["id"] as? String)
        await server.server.waitUntilIdle()
        let (badJSON, badJSONResponse) = try await server.post(
            "/api/jobs/\(id)/render", body: Data("{not json".utf8), contentType: "application/json")
        #expect(badJSONResponse.statusCode == 400)
        #expect((json(badJSON)["error"] as? String)?.contains("not a JSON object") == true)
        let (badField, badFieldResponse) = try await server.post(
            "/api/jobs/\(id)/render", body: Data(#"{"backnd": "procedural"}"#.utf8), contentType: "application/json")
        #expect(badFieldResponse.statusCode == 400)
        #expect((json(badField)["error"] as? String)?.contains("did you mean 'backend'") == true)

        let (missing, missingResponse) = try await server.get("/api/jobs/\(UUID().uuidString.lowercased())")
        #expect(missingResponse.statusCode == 404)
        #expect(json(missing)["error"] is String)
        await server.stop()
    }

    @Test func pathTraversalIsRefused() async throws {
        let folder = try temporaryFolder("traversal")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try await TestServer.start(data: folder + "/data")
        let (created, _) = try await server.upload(try makeClip(in: folder))
        let id = try #require(json(created)["id"] as? String)
        await server.server.waitUntilIdle()
        for name in ["..%2Fjob.json", "..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "stems", ".stems.zip"] {
            let (data, response) = try await server.get("/api/jobs/\(id)/files/\(name)")
            #expect(response.statusCode == 404, "\(name)")
            #expect(json(data)["error"] is String, "\(name)")
        }
        for path in [
            "/api/jobs/..%2F\(id)/files/clip.footsteps.wav", "/api/jobs/../../etc/passwd", "/static/..%2Fapp.css",
        ] {
            let (data, response) = try await server.get(path)
            #expect(response.statusCode == 404, "\(path)")
            #expect(!String(decoding: data, as: UTF8.self).contains("root:"))
        }
        await server.stop()
    }

    @Test func rangeRequestGets206WithTheRightBytes() async throws {
        let folder = try temporaryFolder("range")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clip = try makeClip(in: folder)
        let server = try await TestServer.start(data: folder + "/data")
        let (created, _) = try await server.upload(clip)
        let id = try #require(json(created)["id"] as? String)
        await server.server.waitUntilIdle()
        let path = "/api/jobs/\(id)/files/clip.footsteps.mp4"

        let (part, response) = try await server.get(path, headers: ["Range": "bytes=100-199"])
        #expect(response.statusCode == 206)
        #expect(response.value(forHTTPHeaderField: "Content-Range") == "bytes 100-199/\(clip.count)")
        #expect(response.value(forHTTPHeaderField: "Content-Type") == "video/mp4")
        #expect(part == clip.subdata(in: 100..<200))

        let (tail, tailResponse) = try await server.get(path, headers: ["Range": "bytes=-10"])
        #expect(tailResponse.statusCode == 206)
        #expect(tail == clip.suffix(10))

        let (_, outside) = try await server.get(path, headers: ["Range": "bytes=\(clip.count + 5)-"])
        #expect(outside.statusCode == 416)
        await server.stop()
    }
}
