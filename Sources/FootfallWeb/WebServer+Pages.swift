import FootfallCore
import Foundation
import Hummingbird

extension WebServer {
    func addPageRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            self.pages.html("index", await self.indexContext())
        }
        router.get("static/:name") { request, context in
            guard let path = self.pages.staticFile(try context.parameters.require("name")) else {
                throw HTTPError(.notFound)
            }
            return try await self.files.respond(path: path, request: request, context: context)
        }
        // Form posts for browsers without JavaScript; the page script uses the JSON API instead.
        router.post("jobs") { request, _ in
            do {
                let job = try await self.createJob(from: request)
                return Response.redirect(to: "/jobs/\(job.id)", type: .normal)
            } catch let error as APIError {
                return self.errorPage(error)
            }
        }
        router.get("jobs/:id") { _, context in
            do {
                let job = try await self.job(context.parameters.require("id"))
                return self.pages.html("job", await self.jobContext(job))
            } catch let error as APIError {
                return self.errorPage(error)
            }
        }
        router.post("jobs/:id/render") { request, context in
            do {
                let id = try context.parameters.require("id")
                var request = request
                let body = try await request.collectBody(upTo: 16 * 1024)
                let fields = FormFields.decode(String(buffer: body))
                let overrides = try RenderOverrides.parse(fields, backends: self.renderer.backendNames)
                _ = try await self.rerender(id, overrides: overrides)
                return Response.redirect(to: "/jobs/\(id)", type: .normal)
            } catch let error as APIError {
                return self.errorPage(error)
            }
        }
    }

    func errorPage(_ error: APIError) -> Response {
        pages.html(
            "error", ["title": error.status.reasonPhrase, "status": error.status.code, "message": error.message],
            status: error.status)
    }

    func indexContext() async -> [String: Any] {
        let recent = await allJobs().prefix(8).map { job -> [String: Any] in
            [
                "id": job.id, "name": job.upload.originalName, "status": job.status.rawValue,
                "created": PageFormat.dateTime(job.createdAt),
            ]
        }
        return [
            "backends": backendOptions(selected: config.render.backend),
            "surfaces": options(SurfaceKind.allCases.map(\.rawValue), selected: nil),
            "seed": String(config.render.seed),
            "maxUpload": UploadReceiver.megabytes(config.maxUploadBytes),
            "maxDuration": PageFormat.duration(config.maxDurationSeconds),
            "recent": recent, "hasRecent": !recent.isEmpty,
        ]
    }

    func jobContext(_ job: JobRecord) async -> [String: Any] {
        var context: [String: Any] = [
            "id": job.id, "name": job.upload.originalName, "status": job.status.rawValue,
            "isDone": job.status == .done, "isFailed": job.status == .failed,
            "isActive": !job.status.isFinished, "error": job.error ?? "",
            "stage": PageFormat.stageLabel(job.stage), "percent": Int((job.progress * 100).rounded()),
            "size": "\(job.upload.width)×\(job.upload.height)", "duration": PageFormat.duration(job.upload.duration),
            "fps": String(format: "%.3g", job.upload.frameRate), "renders": job.renderCount,
            "hasRendered": job.renderCount > 0,
            "backends": backendOptions(selected: job.overrides.backend ?? config.render.backend),
            "surfaces": options(SurfaceKind.allCases.map(\.rawValue), selected: job.overrides.surface),
            "backendUsed": job.overrides.backend ?? config.render.backend,
            "surfaceUsed": job.overrides.surface ?? config.render.surface ?? "detected",
            "autoSurface": job.overrides.surface == nil, "seed": String(job.overrides.seed ?? config.render.seed),
            "warnings": job.warnings.map(PageFormat.webWording), "hasWarnings": !job.warnings.isEmpty,
            "downloads": PageFormat.downloadOrder(job.files).map {
                ["name": $0, "label": PageFormat.label(forFile: $0)]
            },
        ]
        if let video = job.files.first(where: { $0.hasSuffix(".footsteps.mp4") })
            ?? job.files.first(where: { $0.hasSuffix(".mp4") })
        {
            context["video"] = video
        }
        if job.status == .done, let steps = try? await editableSteps(job) {
            context["timeline"] = TimelineModel(document: steps.document, fallbackDuration: job.upload.duration).context
            context["edited"] = steps.edited
        }
        if job.status == .done, let licence = job.licence {
            context["licence"] = [
                "conditions": licence.conditions, "creditsFile": licence.creditsFile.map { $0 as Any } ?? false,
            ]
        }
        context["fpsValue"] = String(job.upload.frameRate)
        context["shoes"] = ShoeKind.allCases.map(\.rawValue).joined(separator: ",")
        context["surfaceNames"] = SurfaceKind.allCases.map(\.rawValue).joined(separator: ",")
        context["shoeUsed"] = job.overrides.applied(to: config.render).shoe
        return context
    }

    /// A backend that cannot run here stays in the menu (people see it exists) but disabled, with the reason as
    /// its tooltip, unless it is the one already chosen.
    private func backendOptions(selected: String) -> [[String: Any]] {
        renderer.backendChoices(config: config.render).map { choice in
            let isSelected = choice.name == selected
            let reason = isSelected ? nil : choice.unavailableReason
            return [
                "value": choice.name, "selected": isSelected, "disabled": reason != nil,
                "label": reason == nil ? choice.name : "\(choice.name) (not set up here)", "reason": reason ?? "",
            ]
        }
    }

    private func options(_ values: [String], selected: String?) -> [[String: Any]] {
        values.map { ["value": $0, "selected": $0 == selected] }
    }
}

/// `a=1&b=two+words` → ["a": "1", "b": "two words"].
enum FormFields {
    static func decode(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func clean(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            fields[clean(parts[0])] = parts.count > 1 ? clean(parts[1]) : ""
        }
        return fields
    }
}
