import FootfallCore
import Foundation
import Hummingbird
import Mustache

/// Renders the HTML pages from the Mustache templates in `Resources/templates` and knows where the static files are.
struct PageRenderer: Sendable {
    static let bundleName = "Footfall_FootfallWeb.resources"
    let library: MustacheLibrary
    let staticDirectory: URL

    init(resourcesDirectory: String?) async throws {
        let root = try Self.locate(resourcesDirectory)
        do {
            library = try await MustacheLibrary(directory: root.appendingPathComponent("templates").path)
        } catch {
            throw FootfallError.failure("the web page templates in \(root.path) do not load: \(error)")
        }
        staticDirectory = root.appendingPathComponent("static", isDirectory: true)
    }

    /// The resources folder: the explicit one, `FOOTFALL_WEB_RESOURCES`, `FOOTFALL_HOME/web`, the bundle SwiftPM
    /// puts next to the executable, an installed `share/footfall/web`, or the source tree (development).
    static func locate(_ explicit: String?) throws -> URL {
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "."))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates: [URL] = []
        if let explicit { candidates.append(URL(fileURLWithPath: explicit)) }
        let environment = ProcessInfo.processInfo.environment
        if let env = environment["FOOTFALL_WEB_RESOURCES"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        if let home = environment["FOOTFALL_HOME"], !home.isEmpty {
            candidates.append(URL(fileURLWithPath: home).appendingPathComponent("web"))
        }
        candidates += [
            executable.appendingPathComponent(bundleName).appendingPathComponent("Resources"),
            Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent("Resources"),
            executable.deletingLastPathComponent().appendingPathComponent("share/footfall/web"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"),
        ]
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("templates/index.mustache").path)
        {
            return candidate
        }
        throw FootfallError.failure(
            "the web interface's templates were not found (looked in: \(candidates.map(\.path).joined(separator: ", "))); "
                + "set FOOTFALL_WEB_RESOURCES to the folder holding templates/ and static/")
    }

    func html(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let text =
            library.render(context, withTemplate: template)
            ?? "<!doctype html><title>Footfall</title><p>The page template '\(template)' is missing."
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Path of a static file by bare name; anything else (sub-folders, dot files, unknown names) is nil.
    func staticFile(_ name: String) -> String? {
        guard !name.isEmpty, !name.hasPrefix("."),
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") })
        else { return nil }
        let path = staticDirectory.appendingPathComponent(name).path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
