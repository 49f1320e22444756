#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prints the fuzz case being run when the process dies of a trap or a bad access, so a crash is reproducible.
///
/// The text lives in a fixed C buffer and the handler only calls write(2) and raise(3), which are safe in a signal
/// handler. Fuzz suites run serialized, so one buffer is enough.
enum FuzzCrashReport {
    private static let capacity = 512
    nonisolated(unsafe) private static let buffer: UnsafeMutablePointer<CChar> = {
        let b = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        b.initialize(repeating: 0, count: capacity)
        return b
    }()
    nonisolated(unsafe) private static var length = 0
    private static let installed: Void = {
        _ = buffer
        for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
            signal(sig) { received in
                FuzzCrashReport.writeCurrent()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }()

    static func install() { _ = installed }

    /// Sets the text printed on a crash ("" for none).
    static func note(_ text: String) {
        length = 0
        var utf8 = Array(text.utf8.prefix(capacity - 2))
        if !utf8.isEmpty { utf8.append(UInt8(ascii: "\n")) }
        for (i, byte) in utf8.enumerated() { buffer[i] = CChar(bitPattern: byte) }
        length = utf8.count
    }

    private static func writeCurrent() {
        guard length > 0 else { return }
        let prefix = "\n*** crashed in "
        _ = prefix.withCString { write(2, $0, prefix.utf8.count) }
        _ = write(2, buffer, length)
    }
}
