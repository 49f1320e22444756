import FootfallCore
import Report
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

    /// The credits as the report lists them.
    static func reportCredits(_ credits: RecordingCredits, file: String?) -> ReportData.Credits {
        ReportData.Credits(
            conditions: credits.conditions,
            recordings: credits.uses.map { use in
                let r = use.recording
                return .init(
                    file: r.file, surface: r.surface.rawValue, author: r.author, source: r.source,
                    licence: r.licence.title, licenceURL: r.licence.url, steps: use.steps)
            }, synthesizedSteps: credits.synthesizedSteps, file: file)
    }
}
