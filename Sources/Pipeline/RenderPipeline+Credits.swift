import FootfallCore
import Sound

extension RenderPipeline {
    /// The recordings the backend used for this render, when it uses recordings at all; the licence conditions are
    /// logged here too, so they are in the log of every render that carries them.
    func recordingCredits(of backend: any SoundBackend) -> RecordingCredits? {
        guard let source = backend as? any RecordingCreditsSource else { return nil }
        let credits = source.recordingCredits()
        guard !credits.isEmpty else { return nil }
        logger.notice("licence: \(credits.conditions)")
        return credits
    }
}
