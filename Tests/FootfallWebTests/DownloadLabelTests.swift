import Testing

@testable import FootfallWeb

/// Every file a render writes is offered under a name that says what it is, in the order people want them.
@Suite struct DownloadLabelTests {
    static let written = [
        "clip.otio", "clip.credits.txt", "clip.footsteps.wav", "clip.steps.mid", "stems.zip", "clip.edl",
        "clip.footsteps.mp4", "clip.steps.json", "clip.audacity.txt", "clip.reaper.csv",
    ]

    @Test func everyWrittenFileHasALabel() {
        for name in Self.written {
            #expect(PageFormat.label(forFile: name) != "File", "\(name)")
        }
        #expect(PageFormat.label(forFile: "clip.steps.mid").contains("MIDI"))
        #expect(PageFormat.label(forFile: "clip.otio").contains("OpenTimelineIO"))
        #expect(PageFormat.label(forFile: "clip.credits.txt").contains("Credits"))
    }

    @Test func videoAndSoundComeFirstCreditsAfterTheMarkers() {
        let order = PageFormat.downloadOrder(Self.written)
        #expect(Array(order.prefix(2)) == ["clip.footsteps.mp4", "clip.footsteps.wav"])
        let credits = order.firstIndex(of: "clip.credits.txt") ?? 0
        #expect(credits > (order.firstIndex(of: "clip.edl") ?? 99))
    }
}
