import Foundation
import Logging

/// The outputs one render has created so far. While `tracking` runs, every file renamed into place through
/// `TemporaryFiles.commit` that did not exist before is recorded here and stays registered with `TemporaryFiles`, so
/// an interrupt removes it; if the render throws, its new files are removed too. A render therefore leaves its
/// whole set of outputs or nothing new (files it replaced with `--force` are already gone and are not restored).
///
///     let result = try await PartialOutputs.tracking(folders: [outputFolder, stemsFolder]) {
///         try await pipeline.render(request)
///     }
public final class PartialOutputs: @unchecked Sendable {
    /// The render running in this task, if any (read by `TemporaryFiles.commit`).
    @TaskLocal public static var current: PartialOutputs?

    private let lock = NSLock()
    private var tokens: [TemporaryFiles.Token] = []
    private let registry: TemporaryFiles
    static let logger = Logger(label: "footfall.outputs")

    init(registry: TemporaryFiles) {
        self.registry = registry
    }

    /// Runs `body` as one render. `folders`: output folders the render may create; those that do not exist yet are
    /// removed again (when empty) if the render is interrupted or fails.
    public static func tracking<T>(
        folders: [String] = [], registry: TemporaryFiles = .shared, _ body: () async throws -> T
    ) async throws -> T {
        let scope = PartialOutputs(registry: registry)
        for folder in folders where access(folder, F_OK) != 0 {
            scope.record(registry.registerEmptyFolder(folder))
        }
        do {
            let result = try await $current.withValue(scope) { try await body() }
            for token in scope.recorded { registry.unregister(token) }
            return result
        } catch {
            let removed = registry.remove(scope.recorded)
            if removed > 0 {
                logger.info("the render stopped: removed the \(removed) files and folders it had created")
            }
            throw error
        }
    }

    var recorded: [TemporaryFiles.Token] { lock.withLock { tokens } }

    func record(_ token: TemporaryFiles.Token) {
        lock.withLock { tokens.append(token) }
    }
}
