import Foundation

/// How numbers, dates and file names read on the pages.
enum PageFormat {
    /// 75.4 → "1:15.4"
    static func clock(_ seconds: Double) -> String {
        let s = max(0, seconds)
        let minutes = Int(s / 60)
        return String(format: "%d:%04.1f", minutes, s - Double(minutes) * 60)
    }

    /// Axis labels: whole seconds without decimals ("0:02"), others as `clock`.
    static func tick(_ seconds: Double) -> String {
        guard seconds == seconds.rounded() else { return clock(seconds) }
        let whole = Int(seconds)
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }

    /// 75 → "1 min 15 s", 8.5 → "8.5 s"
    static func duration(_ seconds: Double) -> String {
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s"
    }

    static func dateTime(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: date)
    }

    /// Pipeline stage names in words people know (the page script has the same table).
    static func stageLabel(_ stage: String?) -> String {
        let labels = [
            "starting": "Starting", "probe": "Checking the video", "pose": "Finding the walkers",
            "steps": "Finding heel strikes", "surface": "Recognising the ground", "sound": "Making footstep sounds",
            "mix": "Mixing", "export": "Writing the files", "done": "Done",
        ]
        guard let stage else { return "Waiting in the queue" }
        return labels[stage] ?? stage.capitalized
    }

    /// The pipeline's advice names command-line flags; on the page the same choice is the form below.
    static func webWording(_ warning: String) -> String {
        warning.replacingOccurrences(of: "with --surface NAME", with: "in 'Render again' below")
            .replacingOccurrences(of: "--surface NAME", with: "the Surface menu in 'Render again' below")
    }

    /// What a downloadable output is, for people who don't know the file suffixes.
    static func label(forFile name: String) -> String {
        let kinds: [(String, String)] = [
            (".footsteps.mp4", "Video with footsteps"), (".footsteps.wav", "Footstep sound track"),
            ("stems.zip", "Stems, one WAV per walker and foot"), (".steps.json", "Steps (editable JSON)"),
            (".audacity.txt", "Markers for Audacity"), (".reaper.csv", "Markers for REAPER"),
            (".edl", "Markers (EDL)"), (".steps.mid", "Steps as MIDI (Pro Tools markers, samplers)"),
            (".otio", "Timeline for video editors (OpenTimelineIO)"), (".credits.txt", "Credits of the recordings"),
            (".report.html", "Report"), (".mp4", "Video"), (".wav", "Audio"),
        ]
        return kinds.first { name.hasSuffix($0.0) }?.1 ?? "File"
    }

    /// Downloads in the order people want them: video, sound track, stems, steps, markers, timelines, credits, the
    /// rest.
    static func downloadOrder(_ names: [String]) -> [String] {
        let order = [
            ".footsteps.mp4", ".footsteps.wav", "stems.zip", ".steps.json", ".audacity.txt", ".reaper.csv", ".edl",
            ".steps.mid", ".otio", ".credits.txt",
        ]
        func rank(_ name: String) -> Int { order.firstIndex { name.hasSuffix($0) } ?? order.count }
        return names.sorted { (rank($0), $0) < (rank($1), $1) }
    }
}
