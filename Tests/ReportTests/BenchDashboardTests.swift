import FootfallCore
import Foundation
import Testing

@testable import Report

@Suite struct BenchDashboardTests {
    func record(_ video: String, total: Double) -> BenchRecord {
        var t = StageTimings()
        t.record("pose", seconds: total * 0.8, items: 300)
        t.record("mix", seconds: total * 0.2)
        return BenchRecord(
            date: "2026-11-26T10:00:00Z", commit: "abc", machine: "2 cores", video: video, frames: 300, duration: 10,
            decodeFPS: 320, stages: t.entries, total: t.total, peakRSSMB: 180, mediapipeMsPerFrame: 26)
    }

    @Test func historyRoundTripsAndSkipsBadLines() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("history.jsonl").path
        let lines = [try record("a.mp4", total: 5).jsonLine(), "not json", try record("b.mp4", total: 2).jsonLine()]
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let read = BenchRecord.readHistory(path)
        #expect(read.count == 2)
        #expect(read[0].realTimeFactor == 2)
        #expect(read[1].framesPerSecond == 150)
        #expect(try read[0].jsonLine().contains("\"peak_rss_mb\""))
    }

    @Test func dashboardShowsEveryVideoAndComparison() {
        let html = BenchDashboard.render([
            record("a.mp4", total: 5), record("b.mp4", total: 2), record("a.mp4", total: 4),
        ])
        #expect(html.contains("a.mp4 — seconds per stage"))
        #expect(html.contains("b.mp4 — seconds per stage"))
        #expect(html.contains("vs MediaPipe Python 26.0 ms/frame"))
        #expect(html.contains("real-time factor 2.50×"))  // the latest a.mp4 run
    }
}
