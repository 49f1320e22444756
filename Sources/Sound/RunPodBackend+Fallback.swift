import FootfallCore
import Foundation

/// What one request group got: its sounds, and whether the fallback made them.
struct GroupOutcome: Sendable {
    struct Fallback: Sendable {
        var reason: String
        var steps: Int
        var backend: String
    }

    var sounds: [FootstepSound]
    var fallback: Fallback?

    /// One line per distinct reason: what failed, why, and what was used instead.
    static func warnings(for fallbacks: [Fallback], total: Int) -> [String] {
        var order: [String] = []
        var byReason: [String: (steps: Int, backend: String)] = [:]
        for f in fallbacks {
            if byReason[f.reason] == nil { order.append(f.reason) }
            byReason[f.reason, default: (0, f.backend)].steps += f.steps
        }
        return order.map { reason in
            let (steps, backend) = byReason[reason] ?? (0, "procedural")
            let which = steps >= total ? "all \(total) steps" : "\(steps) of \(total) steps"
            return "runpod backend failed: \(reason). Used \(backend) sounds for \(which) instead."
        }
    }
}

/// The first failure that will hit every job of a render the same way (server unreachable, key refused, endpoint
/// missing…), so groups that start later fall back at once instead of waiting for the same failure.
final class RunPodOutage: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?

    var reason: String? { lock.withLock { first } }

    func record(_ reason: String) {
        lock.withLock { if first == nil { first = reason } }
    }
}

extension RunPodError {
    /// Whether the failure is about the server or the settings rather than one job's clip.
    var affectsEveryJob: Bool {
        switch self {
        case .notConfigured, .unauthorized, .endpointNotFound, .network, .timedOut: return true
        case .http(let status, _): return status == 429 || status >= 500
        case .jobFailed, .malformedResponse, .noAudio, .undecodableAudio, .rejectedClip: return false
        }
    }
}
