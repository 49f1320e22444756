import FootfallCore
import Foundation
import Hummingbird

/// An error the API answers with `{"error": message}` and an HTTP status.
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }
    static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(["error": message], status: status)
    }
}

enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data =
            (try? JSONEncoder.footfallWeb.encode(value)) ?? Data(#"{"error":"could not encode the answer"}"#.utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Turns every error a route throws into a JSON answer, so API clients never get an HTML or empty error page.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as FootfallError {
            let status: HTTPResponse.Status =
                switch error {
                case .badInput, .usage: .badRequest
                case .failure: .internalServerError
                }
            return JSONResponse.make(["error": error.description], status: status)
        } catch let error as HTTPError {
            let message = error.body ?? error.status.reasonPhrase
            return JSONResponse.make(["error": message], status: error.status)
        } catch {
            context.logger.error("request failed: \(error)")
            return JSONResponse.make(["error": "internal error: \(error)"], status: .internalServerError)
        }
    }
}
