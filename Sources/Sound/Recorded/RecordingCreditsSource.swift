/// A backend whose sounds come from recordings with licences: after a render it says which it used, so the
/// render can write `<name>.credits.txt` and state the conditions on its output.
public protocol RecordingCreditsSource: Sendable {
    /// The recordings used so far by this backend (a render builds a fresh backend, so: by this render).
    func recordingCredits() -> RecordingCredits
}
