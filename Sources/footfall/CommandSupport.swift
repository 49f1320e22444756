import ArgumentParser
import FootfallCore
import Foundation

/// Writes a line to standard output (the CLI's results; logs go to standard error).
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Writes a line to standard error without the logger (for the final error line).
func emitError(_ text: String) {
    FileHandle.standardError.write(Data(("error: " + text + "\n").utf8))
}

/// Runs a command body, turning Footfall's errors into one clear line and the documented exit code
/// (0 ok, 1 failure, 2 bad usage or bad input).
func runReportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as FootfallError {
        emitError(error.description)
        throw ExitCode(error.exitCode)
    } catch let error as ExitCode {
        throw error
    } catch is CancellationError {
        emitError("interrupted")
        throw ExitCode(130)
    } catch {
        emitError("\(error)")
        throw ExitCode(1)
    }
}
