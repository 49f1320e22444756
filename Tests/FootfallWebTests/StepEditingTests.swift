import FootfallCore
import Foundation
import Testing

@testable import FootfallWeb

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("web step editor API")
struct StepEditingTests {
    func put(_ server: TestServer, _ id: String, _ body: String) async throws -> (Data, HTTPURLResponse) {
        try await server.post(
            "/api/jobs/\(id)/steps", body: Data(body.utf8), contentType: "application/json", method: "PUT")
    }

    @Test func badEditsAreRefusedWithTheReason() async throws {
        let folder = try temporaryFolder("edit-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try await TestServer.start(data: folder + "/data")
        let (data, _) = try await server.upload(try makeClip(in: folder))
        let id = try #require(json(data)["id"] as? String)
        await server.server.waitUntilIdle()

        let cases: [(String, String)] = [
            (
                #"{"steps": [{"time": 2.5, "foot": "left"}]}"#,
                "steps[0].time is 2.500 s; times must be inside the video"
            ),
            (#"{"steps": [{"time": -1, "foot": "left"}]}"#, "steps[0].time is -1.000 s"),
            (#"{"steps": [{"time": 1, "foot": "lft"}]}"#, "did you mean 'left'?"),
            (#"{"steps": [{"time": 1}]}"#, "steps[0].foot is missing"),
            (#"{"steps": [{"time": "soon", "foot": "left"}]}"#, "steps[0].time must be a number"),
            (#"{"steps": [{"time": 1, "foot": "left", "walker": 1.5}]}"#, "walker ids are whole numbers"),
            (#"{"steps": [], "walkers": [{"walker": 1, "shoe": "boot"}]}"#, "did you mean 'boots'?"),
            (#"{"steps": [], "walkers": [{"walker": 1, "surface": "gravle"}]}"#, "did you mean 'gravel'?"),
            (#"{"steps": [], "walkers": [{"walker": 1}, {"walker": 1}]}"#, "walker 1 is listed twice"),
            (#"{"steps": [], "surfaces": [{"start": 1.5, "end": 1, "surface": "wood"}]}"#, "not after its start"),
            (#"{"steps": [], "surfaces": [{"start": 0, "end": 1}]}"#, "surfaces[0].surface is missing"),
            (#"{"stepz": []}"#, "did you mean 'steps'?"),
            (#"[1, 2]"#, "the body is not a JSON object"),
        ]
        for (body, message) in cases {
            let (answer, response) = try await put(server, id, body)
            #expect(response.statusCode == 400, "\(body)")
            let error = json(answer)["error"] as? String ?? ""
            #expect(error.contains(message), "\(body) → \(error)")
        }
        // Nothing bad was saved: the steps are still the rendered ones.
        let steps = json(try await server.get("/api/jobs/\(id)/steps").0)
        #expect(steps["edited"] as? Bool == false)
        #expect((steps["steps"] as? [Any])?.count == 3)
        #expect(try await put(server, UUID().uuidString.lowercased(), #"{"steps": []}"#).1.statusCode == 404)
        await server.stop()
    }

    @Test func editsSurviveARestartAndTheReRenderUsesThem() async throws {
        let folder = try temporaryFolder("edit-restart")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/data"
        let first = try await TestServer.start(data: data)
        let (body, _) = try await first.upload(try makeClip(in: folder))
        let id = try #require(json(body)["id"] as? String)
        await first.server.waitUntilIdle()

        // Rendered: 0.3 (walker 1), 0.8 (walker 2), 1.3 (walker 1). Move 0.3 → 0.45, delete 0.8, add 1.7 for
        // walker 2, boots for walker 1, wood from 1.2 s to 2 s for everyone.
        let edit = """
            {"steps": [{"time": 0.45, "walker": 1, "foot": "left", "method": "gait"},
                       {"time": 1.3, "walker": 1, "foot": "left", "method": "gait"},
                       {"time": 1.7, "walker": 2, "foot": "right"}],
             "walkers": [{"walker": 1, "shoe": "boots"}],
             "surfaces": [{"start": 1.2, "end": 2, "surface": "wood"}]}
            """
        let (saved, response) = try await put(first, id, edit)
        #expect(response.statusCode == 200, "\(String(decoding: saved, as: UTF8.self))")
        await first.stop()

        let log = RenderLog()
        let second = try await TestServer.start(data: data, log: log)
        let (stepsData, stepsResponse) = try await second.get("/api/jobs/\(id)/steps?download=1")
        #expect(
            stepsResponse.value(forHTTPHeaderField: "Content-Disposition")?.contains("clip.edited.steps.json") == true)
        let steps = json(stepsData)
        #expect(steps["edited"] as? Bool == true)
        let list = try #require(steps["steps"] as? [[String: Any]])
        #expect(list.map { $0["time"] as? Double } == [0.45, 1.3, 1.7])
        #expect(list.map { $0["surface"] as? String } == ["concrete", "wood", "wood"])
        #expect(list.map { $0["method"] as? String } == ["gait", "gait", "manual"])
        let walkers = try #require(steps["walkers"] as? [[String: Any]])
        #expect(walkers.first { $0["walker"] as? Int == 1 }?["shoe"] as? String == "boots")
        // The page shows the edited steps, one mark each.
        let page = String(decoding: try await second.get("/jobs/\(id)").0, as: UTF8.self)
        #expect(page.components(separatedBy: "class=\"mark ").count - 1 == 3)
        #expect(page.contains("data-time=\"1.700\""))

        let (accepted, renderResponse) = try await second.post(
            "/api/jobs/\(id)/render", body: Data("{}".utf8), contentType: "application/json")
        #expect(renderResponse.statusCode == 202, "\(String(decoding: accepted, as: UTF8.self))")
        await second.server.waitUntilIdle()
        let request = try #require(await log.requests.last)
        #expect(request.placedSteps?.steps.map(\.time) == [0.45, 1.3, 1.7])
        #expect(request.placedSteps?.steps.map(\.foot) == [.left, .left, .right])
        #expect(request.shoes == [1: "boots"])
        #expect(request.stepsFile == nil)
        let job = json(try await second.get("/api/jobs/\(id)").0)
        #expect(job["status"] as? String == "done")

        // The waveform of the new track has its clicks at the edited times and nothing where the deleted step was.
        let waveform = json(try await second.get("/api/jobs/\(id)/waveform").0)
        let peaks = try #require(waveform["peaks"] as? [Double])
        let rate = try #require(waveform["rate"] as? Double)
        for t in [0.45, 1.3, 1.7] { #expect(peaks[Int(t * rate)] > 0.5, "no click at \(t) s") }
        #expect(peaks[Int(0.8 * rate)] == 0)

        // Back to the detected steps.
        let (reset, resetResponse) = try await second.post(
            "/api/jobs/\(id)/steps", body: Data(), contentType: "application/json", method: "DELETE")
        #expect(resetResponse.statusCode == 200)
        #expect(json(reset)["edited"] as? Bool == false)
        await second.stop()
    }

    @Test func theNarrowestSurfaceChoiceWins() {
        let base = StepsDocument(
            video: .init(file: "clip.mp4", width: 320, height: 240, duration: 10, frameRate: 30),
            steps: [
                StepEvent(time: 1, frame: 30, walker: 1, foot: .left, confidence: 1, surface: "grass"),
                StepEvent(time: 5, frame: 150, walker: 2, foot: .left, confidence: 1, surface: "tile"),
            ],
            surfaces: [
                SurfaceSegment(walker: 1, start: 0, end: 4, surface: "grass", confidence: 0.8, source: .detected)
            ])
        let edits = StepEdits(
            steps: [1, 3, 4.5, 6, 8].map {
                StepEvent(time: $0, frame: 0, walker: $0 < 7 ? 1 : 2, foot: .left, confidence: 1)
            },
            walkers: [WalkerChoice(walker: 1, surface: "sand")],
            surfaces: [
                SurfaceStretch(start: 2.5, end: 7, surface: "wood"),
                SurfaceStretch(walker: 1, start: 5, end: 7, surface: "snow"),
            ])
        let placed = edits.placed(on: base, wholeClip: nil, defaultSurface: "concrete")
        // 1: walker's choice; 3, 4.5: stretch for all; 6: stretch for walker 1; 8 (walker 2): nearest detected step.
        #expect(placed.steps.map(\.surface) == ["sand", "wood", "wood", "snow", "tile"])
        let unchosen = StepEdits(steps: edits.steps)
        #expect(
            unchosen.placed(on: base, wholeClip: nil, defaultSurface: "concrete").steps.map(\.surface)
                == ["grass", "grass", "grass", "grass", "tile"])
        #expect(
            unchosen.placed(on: base, wholeClip: "metal", defaultSurface: "concrete").steps.map(\.surface)
                == Array(repeating: "metal", count: 5))
    }
}
