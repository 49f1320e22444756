import FootfallCore
import Foundation
import Hummingbird

extension WebServer {
    func addAPIRoutes(to router: Router<BasicRequestContext>) {
        let api = router.group("api").add(middleware: JSONErrorMiddleware())
        router.get("healthz") { _, _ in
            JSONResponse.make(["status": "ok"])
        }
        api.post("jobs") { request, _ in
            let job = try await self.createJob(from: request)
            var response = JSONResponse.make(["id": job.id, "status": job.status.rawValue], status: .created)
            response.headers[.location] = "/api/jobs/\(job.id)"
            return response
        }
        api.get("jobs") { _, _ in
            var views: [JobView] = []
            for job in await self.allJobs() { views.append(await self.view(job)) }
            return JSONResponse.make(["jobs": views])
        }
        api.get("jobs/:id") { _, context in
            let job = try await self.job(context.parameters.require("id"))
            return JSONResponse.make(await self.view(job))
        }
        addEditRoutes(to: api)
        api.get("jobs/:id/files/:name") { request, context in
            let job = try await self.job(context.parameters.require("id"))
            let name = try context.parameters.require("name")
            let path = try await self.outputPath(job, name: name)
            try await self.waitForLateFile(job, name: name, path: path)
            let download = request.uri.queryParameters["download"] != nil
            return try await self.files.respond(
                path: path, request: request, context: context, downloadName: download ? name : nil)
        }
        api.head("jobs/:id/files/:name") { request, context in
            let job = try await self.job(context.parameters.require("id"))
            let name = try context.parameters.require("name")
            let path = try await self.outputPath(job, name: name)
            try await self.waitForLateFile(job, name: name, path: path)
            let response = try await self.files.respond(path: path, request: request, context: context)
            return Response(status: response.status, headers: response.headers)
        }
        api.post("jobs/:id/render") { request, context in
            let id = try context.parameters.require("id")
            _ = try await self.job(id)
            var request = request
            let body = try await request.collectBody(upTo: 16 * 1024)
            let overrides = try RenderOverrides.parse(
                json: Data(body.readableBytesView), backends: self.renderer.backendNames)
            let job = try await self.rerender(id, overrides: overrides)
            return JSONResponse.make(["id": job.id, "status": job.status.rawValue], status: .accepted)
        }
        // Anything else under /api is a JSON 404, not an HTML page.
        api.get("**") { request, _ -> Response in
            throw APIError.notFound("no API route \(request.uri.path); see 'Web interface' in the README")
        }
    }
}
