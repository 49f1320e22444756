import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// A request that never reached the server: refused, unresolvable host, TLS failure, connect timeout.
///
/// These fail fast (a few quick retries within `RunPodConfig.connectBudget`), unlike a server that is slow but alive,
/// which gets the whole `RUNPOD_TIMEOUT`.
struct RunPodConnectFailure: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case refused, dns, tls, timeout, unreachable
    }

    var kind: Kind
    /// One line for the user, e.g. "connection refused by 127.0.0.1:9".
    var reason: String

    /// Whether trying again soon may help (a TLS failure is a configuration problem; the rest may be blips).
    var isTransient: Bool { kind != .tls }

    /// The failure `error` stands for, or nil when the error happened after the connection was made.
    init?(_ error: any Error, host: String) {
        if let e = error as? NIOConnectionError {
            if e.connectionErrors.isEmpty, let dns = e.dnsAError ?? e.dnsAAAAError {
                self.init(kind: .dns, reason: "cannot resolve the host '\(host)' (\(Self.brief(dns)))")
                return
            }
            let first = e.connectionErrors.first?.error
            if let failure = first.flatMap({ RunPodConnectFailure($0, host: "\(e.host):\(e.port)") }) {
                self = failure
                return
            }
            self.init(kind: .unreachable, reason: "cannot connect to \(e.host):\(e.port)")
            return
        }
        if let e = error as? IOError {
            switch e.errnoCode {
            case ECONNREFUSED: self.init(kind: .refused, reason: "connection refused by \(host)")
            case ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN:
                self.init(kind: .unreachable, reason: "no route to \(host)")
            case ETIMEDOUT: self.init(kind: .timeout, reason: "connecting to \(host) timed out")
            default: return nil
            }
            return
        }
        if let e = error as? HTTPClientError, e == .connectTimeout {
            self.init(kind: .timeout, reason: "connecting to \(host) timed out")
            return
        }
        if case .connectTimeout = error as? ChannelError {
            self.init(kind: .timeout, reason: "connecting to \(host) timed out")
            return
        }
        if let e = error as? SocketAddressError, case .unknown = e {
            self.init(kind: .dns, reason: "cannot resolve the host '\(host)'")
            return
        }
        // NIOSSL is not a dependency of this module; its errors are recognized by their type's module.
        let type = String(reflecting: Swift.type(of: error))
        if type.hasPrefix("NIOSSL.") || type.contains("BoringSSL") {
            self.init(kind: .tls, reason: "the TLS handshake with \(host) failed (\(Self.brief(error)))")
            return
        }
        return nil
    }

    init(kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    private static func brief(_ error: any Error) -> String {
        RunPodError.excerpt(String(describing: error), limit: 120)
    }
}
