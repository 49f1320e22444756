import FootfallCore
import Foundation
import Hummingbird

/// The steps as a person sees and edits them: the rendered steps, or the edited ones once there are edits.
struct EditableSteps {
    var document: StepsDocument
    /// Every walker in the steps or with a choice, in id order.
    var walkers: [WalkerChoice]
    var edited: Bool

    /// The steps JSON (so it can be rendered with `footfall render --steps`) plus `walkers` and `edited`.
    func json() throws -> Data {
        let encoded = try document.encoded()
        guard var object = try JSONSerialization.jsonObject(with: encoded) as? [String: Any] else { return encoded }
        object["walkers"] = walkers.map { w -> [String: Any] in
            ["walker": w.walker, "shoe": w.shoe ?? NSNull(), "surface": w.surface ?? NSNull()]
        }
        object["edited"] = edited
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
    }
}

extension WebServer {
    func addEditRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.get("jobs/:id/steps") { request, context in
            let job = try await self.job(context.parameters.require("id"))
            let steps = try await self.editableSteps(job)
            var response = Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: try steps.json())))
            if request.uri.queryParameters["download"] != nil {
                let stem = URL(fileURLWithPath: job.upload.storedName).deletingPathExtension().lastPathComponent
                let name = steps.edited ? "\(stem).edited.steps.json" : "\(stem).steps.json"
                response.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
            }
            return response
        }
        api.put("jobs/:id/steps") { request, context in
            let job = try await self.job(context.parameters.require("id"))
            var request = request
            let body = try await request.collectBody(upTo: 8 * 1024 * 1024)
            let folder = await self.store.folder(of: job.id)
            guard JobSteps.loadBase(in: folder) != nil || JobOutputs.loadTimeline(in: folder) != nil else {
                throw APIError(.conflict, "job \(job.id) has no steps to edit yet; wait until its render has finished")
            }
            let duration = job.upload.duration > 0 ? job.upload.duration : Double.greatestFiniteMagnitude
            let edits = try StepEdits.parse(json: Data(body.readableBytesView), duration: duration)
                .fillingPositions(frameRate: job.upload.frameRate)
            try JobSteps.saveEdits(edits, in: folder)
            // An edit is a change: the job is kept as long after it as after a render.
            await self.store.update(job.id) { _ in }
            self.logger.info("steps edited", metadata: ["job": "\(job.id)", "steps": "\(edits.steps.count)"])
            return try await self.stepsResponse(job)
        }
        api.delete("jobs/:id/steps") { _, context in
            let job = try await self.job(context.parameters.require("id"))
            try? FileManager.default.removeItem(
                at: await self.store.folder(of: job.id).appendingPathComponent(JobSteps.editsFile))
            return try await self.stepsResponse(job)
        }
        api.get("jobs/:id/waveform") { _, context in
            let job = try await self.job(context.parameters.require("id"))
            guard let data = Waveform.load(in: await self.store.folder(of: job.id)) else {
                throw APIError.notFound("job \(job.id) has no rendered sound track yet")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    private func stepsResponse(_ job: JobRecord) async throws -> Response {
        let steps = try await editableSteps(job)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try steps.json())))
    }

    /// The edited steps placed on the job's base (each with the surface the next render gives it), or the last
    /// render's steps when nothing was edited.
    func editableSteps(_ job: JobRecord) async throws -> EditableSteps {
        let folder = await store.folder(of: job.id)
        let rendered = JobOutputs.loadTimeline(in: folder)
        guard let base = JobSteps.loadBase(in: folder) ?? rendered else {
            throw APIError.notFound("job \(job.id) has no steps yet (status: \(job.status.rawValue))")
        }
        let edits = JobSteps.loadEdits(in: folder)
        let config = job.overrides.applied(to: config.render)
        let document =
            edits?.placed(on: base, wholeClip: config.surface, defaultSurface: config.defaultSurface) ?? rendered
            ?? base
        let choices = edits?.walkers ?? []
        let ids = Set(document.steps.map(\.walker)).union(choices.map(\.walker)).sorted()
        return EditableSteps(
            document: document,
            walkers: ids.map { id in choices.first { $0.walker == id } ?? WalkerChoice(walker: id) },
            edited: edits != nil)
    }
}
