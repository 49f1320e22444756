/// Errors a user sees. Each message says what went wrong and what to do.
public enum FootfallError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The input cannot work (exit code 2).
    case badInput(String)
    /// The command line is wrong (exit code 2).
    case usage(String)
    /// Something failed while working (exit code 1).
    case failure(String)

    public var description: String {
        switch self {
        case .badInput(let m), .usage(let m), .failure(let m): return m
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .badInput, .usage: return 2
        case .failure: return 1
        }
    }
}
