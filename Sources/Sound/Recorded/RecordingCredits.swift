import Foundation

/// Which recordings a render used, and what their licences ask of the render's outputs.
public struct RecordingCredits: Sendable, Equatable {
    /// One recording and how many steps played it.
    public struct Use: Sendable, Equatable {
        public var recording: Recording
        public var steps: Int

        public init(recording: Recording, steps: Int) {
            self.recording = recording
            self.steps = steps
        }
    }

    /// Sorted by set and file.
    public var uses: [Use]
    /// Steps made by synthesis because no recording of their surface was allowed.
    public var synthesizedSteps: Int
    public var policy: LicencePolicy

    public init(uses: [Use], synthesizedSteps: Int = 0, policy: LicencePolicy) {
        self.uses = uses.sorted { ($0.recording.set, $0.recording.file) < ($1.recording.set, $1.recording.file) }
        self.synthesizedSteps = synthesizedSteps
        self.policy = policy
    }

    public var isEmpty: Bool { uses.isEmpty }

    /// The most demanding licence among the recordings used.
    public var strictest: RecordingLicence? { uses.map(\.recording.licence).max() }

    /// One plain sentence: which condition applies to the output, and what to do about it.
    public var conditions: String {
        guard let strictest else { return "No recordings were used, so no licence condition applies." }
        let surfaces = { (licence: RecordingLicence) -> String in
            let names = Set(self.uses.filter { $0.recording.licence == licence }.map(\.recording.surface.rawValue))
            return names.sorted().joined(separator: ", ")
        }
        switch strictest {
        case .cc0:
            return "No licence condition applies: every recording used is CC0 1.0 (crediting the authors is welcome,"
                + " not required)."
        case .ccBy3:
            return "Attribution required: recordings under CC BY 3.0 were used (\(surfaces(.ccBy3))); wherever you"
                + " publish this render, credit their authors, sources and licence as listed in the credits."
        case .ccBySa3:
            let count = uses.filter { $0.recording.licence == .ccBySa3 }.count
            let were = count == 1 ? "recording under CC BY-SA 3.0 was" : "recordings under CC BY-SA 3.0 were"
            return "Share-alike applies: \(count) \(were) used"
                + " (\(surfaces(.ccBySa3))), so a work you publish with this sound track must itself be shared under"
                + " CC BY-SA 3.0 (or a compatible licence) and credit the authors listed in the credits; render with"
                + " --licence attribution (or cc0) to avoid this."
        }
    }

    /// `<name>.credits.txt`: the conditions, a credit line, and each recording with author, source and licence.
    public func text(for name: String) -> String {
        var lines = [
            "Credits for the footstep sounds of \(name) (Footfall, backend recorded, --licence \(policy.rawValue))", "",
        ]
        lines.append(conditions)
        lines.append("")
        if !isEmpty {
            lines.append("Credit line: Footstep sounds: " + creditLine + ".")
            lines.append("")
        }
        let steps = uses.map(\.steps).reduce(0, +)
        var heading = "Recordings used: \(uses.count) file\(uses.count == 1 ? "" : "s") for \(steps) steps"
        if synthesizedSteps > 0 {
            heading += "; \(synthesizedSteps) more steps were synthesised (no recording of their surface was allowed)"
        }
        lines.append(heading + ".")
        for use in uses {
            let r = use.recording
            lines.append("")
            lines.append("\((r.file as NSString).lastPathComponent) — \(r.surface.rawValue), \(use.steps) steps")
            lines.append("  Author:  \(r.author)")
            lines.append("  Source:  \(r.source)")
            lines.append("  Licence: \(r.licence.title) (\(r.licence.url))")
            lines.append("  From:    \(r.setTitle)" + (r.origin.map { ", \($0)" } ?? ""))
        }
        if !isEmpty {
            lines.append("")
            lines.append(
                "Changes: each recording was cut into single steps, pitch-shifted by up to ±55 cents, varied in level"
                    + " and tone, and mixed with panning, distance and room reverb into this sound track.")
        }
        let notes = Set(uses.compactMap(\.recording.licenceNote)).sorted()
        let texts = Set(uses.compactMap(\.recording.licenceTextPath)).sorted()
        if !notes.isEmpty || !texts.isEmpty {
            lines.append("")
            lines += notes
            lines += texts.map { "Licence statements as shipped with the recordings: \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Erdie (CC BY 3.0), Mito551 (CC BY-SA 3.0), via Minetest Game footstep sounds (default mod)".
    var creditLine: String {
        var seen: [String] = []
        var licences: [String: Set<RecordingLicence>] = [:]
        for use in uses {
            let author = use.recording.author
            if licences[author] == nil { seen.append(author) }
            licences[author, default: []].insert(use.recording.licence)
        }
        let authors = seen.sorted { $0.lowercased() < $1.lowercased() }.map { author in
            "\(author) (\((licences[author] ?? []).sorted().map(\.title).joined(separator: ", ")))"
        }
        let sets = Set(uses.map(\.recording.setTitle)).sorted()
        return authors.joined(separator: ", ") + ", via " + sets.joined(separator: "; ")
    }
}
