import Foundation

/// A credential that never prints: every description, debug description and mirror shows `***`.
///
/// The only way to the value is `exposedValue`, used when building the `authorization` header, and `redact(_:)`
/// scrubs it from any text (server error bodies may echo it) before that text reaches a log or an error.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The raw value. Use it only where the credential is sent, never in messages.
    public var exposedValue: String { value }

    public var isEmpty: Bool { value.isEmpty }

    public var description: String { "***" }
    public var debugDescription: String { "Secret(***)" }
    public var customMirror: Mirror { Mirror(self, children: ["value": "***"]) }

    /// `text` with every occurrence of the secret replaced by `***`.
    public func redact(_ text: String) -> String {
        guard !value.isEmpty else { return text }
        return text.replacingOccurrences(of: value, with: "***")
    }
}
