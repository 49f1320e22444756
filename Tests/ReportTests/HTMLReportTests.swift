import FootfallCore
import Foundation
import Testing

@testable import Report

@Suite struct HTMLReportTests {
    static func sample() -> ReportData {
        let info = VideoInfo(
            path: "/tmp/walk.mp4", container: "mov,mp4", videoCodec: "h264", codedWidth: 640, codedHeight: 360,
            rotation: 0, frameRate: 30, isVariableFrameRate: false, duration: 4, frameCount: 120, audioStreams: [])
        var d = ReportData(title: "walk.mp4", video: info)
        let times = stride(from: 0.0, to: 4, by: 1.0 / 30).map { $0 }
        d.trajectories = [
            .init(
                walker: 1, foot: .left, method: "zeni", quantity: "heel ahead of pelvis (body heights)", times: times,
                raw: times.map { sin($0 * 6) + 0.05 }, filtered: times.map { sin($0 * 6) }, heelStrikes: [0.26, 1.31],
                toeOffs: [0.8])
        ]
        d.steps = [
            StepEvent(time: 0.26, frame: 8, walker: 1, foot: .left, confidence: 0.9, gainDB: -1, pan: -0.3),
            StepEvent(time: 0.8, frame: 24, walker: 1, foot: .right, confidence: 0.8, gainDB: -2, pan: 0.1),
        ]
        d.surfaces = [SurfaceSegment(walker: 1, start: 0, end: 4, surface: "grass", confidence: 0.7, source: .detected)]
        d.loudnessCurve = [(0.5, -30), (1, -24), (2, -23)]
        d.integratedLoudness = -23
        d.truePeak = -1.2
        d.timings.record("pose", seconds: 2, items: 120)
        d.timings.record("mix", seconds: 0.1)
        d.warnings = ["surface confidence low"]
        d.keyFrames = [.init(caption: "frame 0", png: Data([0x89, 0x50, 0x4E, 0x47]))]
        return d
    }

    @Test func everySectionIsPresentAndSelfContained() {
        let html = HTMLReport.render(Self.sample())
        for heading in [
            "Video", "Warnings", "Key frames", "Step detection", "Surfaces", "Footstep plan", "Loudness of the mix",
            "Time per stage",
        ] {
            #expect(html.contains("<h2>\(heading)</h2>"), "missing section \(heading)")
        }
        #expect(html.contains("data:image/png;base64,iVBORw=="))
        #expect(html.contains("method: zeni"))
        #expect(html.contains("real-time factor 1.90×"))
        // Nothing is fetched from elsewhere: the only URL is the SVG namespace.
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))

    }

    @Test func emptyDataStillRenders() {
        let html = HTMLReport.render(ReportData(title: "x", video: Self.sample().video))
        #expect(html.contains("No steps."))
        #expect(html.contains("No trajectories"))
    }
}
