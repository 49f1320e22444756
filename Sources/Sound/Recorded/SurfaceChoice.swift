import FootfallCore

/// Whose recordings play for a requested surface: its own when allowed, else the most similar surface's when that
/// one has allowed recordings (gravel borrows sand's), else none (the step is synthesised), with a warning that
/// says why and what to do.
struct SurfaceChoice {
    /// nil: synthesise.
    var surface: SurfaceKind?
    var warning: String?

    init(
        for requested: SurfaceKind, allowed: [SurfaceKind: [Recording]], library: RecordingLibrary,
        policy: LicencePolicy
    ) {
        if allowed[requested] != nil {
            surface = requested
            return
        }
        let excluded = library.recordings.filter { $0.surface == requested }
        let why: String
        if excluded.isEmpty {
            why = "no recordings of \(requested.rawValue) are installed"
        } else {
            let licences = Set(excluded.map(\.licence)).sorted().map(\.title).joined(separator: "/")
            let wider = excluded.contains { $0.licence == .ccBySa3 } ? "any" : "attribution"
            why =
                "the \(requested.rawValue) recordings are \(licences), which --licence \(policy.rawValue) leaves out"
                + " (--licence \(wider) allows them\(wider == "any" ? "; the output must then be shared alike" : ""))"
        }
        if let standIn = requested.similarSurfaces.first, allowed[standIn] != nil {
            surface = standIn
            warning = "recorded: \(why); using \(standIn.rawValue) recordings for \(requested.rawValue)"
        } else {
            surface = nil
            warning = "recorded: \(why); \(requested.rawValue) steps are synthesised (procedural) instead"
        }
    }
}
