import FootfallCore
import Foundation
import Testing

@testable import Steps

@Suite struct OnsetDetectorTests {
    /// Decaying noise bursts ("clicks") at known times over quiet noise.
    func clicks(at times: [Double], rate: Int = 48_000, duration: Double = 3) -> AudioBuffer {
        var rng = SeededRandom(seed: 11)
        var x = (0..<Int(duration * Double(rate))).map { _ in Float(rng.uniform(-0.001...0.001)) }
        for t in times {
            let start = Int((t * Double(rate)).rounded())
            for i in 0..<Int(0.03 * Double(rate)) where start + i < x.count {
                let decay = exp(-Double(i) / (0.006 * Double(rate)))
                x[start + i] += Float(0.5 * decay * rng.uniform(-1...1))
            }
        }
        return AudioBuffer(sampleRate: rate, channels: [x, x])
    }

    @Test func findsClicksWithinOneMillisecond() {
        let truth = [0.2137, 0.8, 1.3331, 1.9, 2.5123]
        let onsets = OnsetDetector().detect(clicks(at: truth))
        #expect(onsets.count == truth.count, "onsets \(onsets)")
        for (o, t) in zip(onsets, truth) { #expect(abs(o - t) <= 0.001, "onset \(o) vs \(t)") }
    }

    @Test func secondLayerOfAStepIsNotASecondOnset() {
        // Heel then toe 70 ms later, as footstep recordings have.
        let onsets = OnsetDetector().detect(clicks(at: [0.5, 0.57, 1.2, 1.27]))
        #expect(onsets.count == 2)
    }

    @Test func silenceHasNoOnsets() {
        #expect(OnsetDetector().detect(AudioBuffer(channelCount: 1, frames: 48_000)).isEmpty)
        #expect(OnsetDetector().detect(AudioBuffer(channelCount: 1, frames: 100)).isEmpty)
    }
}

@Suite struct MatcherAndMetricsTests {
    @Test func greedyMatchingIsOneToOneByDistance() {
        let m = EventMatcher.match(detected: [1.00, 1.04, 2.5], reference: [1.03, 2.0], tolerance: 0.05)
        #expect(m.matches.count == 1)
        #expect(m.matches.first?.detected == 1)  // 1.04 is closer to 1.03 than 1.00 is
        #expect(m.unmatchedDetected == [0, 2])
        #expect(m.unmatchedReference == [1])
    }

    @Test func handComputedF1AndErrors() {
        // Reference 4 steps; detections: two close (−10 ms, +30 ms), one at +80 ms, one false, one missed.
        let reference = [1.0, 2.0, 3.0, 4.0]
        let detected = [0.99, 2.03, 3.08, 5.5]
        let m = TimingMetrics.compute(detected: detected, reference: reference)
        let at50 = m.score(at: 0.05)
        // ±50 ms: TP 2, FP 2, FN 2 → P = R = 0.5, F1 = 0.5.
        #expect(at50?.truePositives == 2)
        #expect(at50?.f1 == 0.5)
        // ±100 ms: TP 3, FP 1, FN 1 → P = R = 0.75, F1 = 0.75.
        let at100 = m.score(at: 0.1)
        #expect(at100?.precision == 0.75)
        #expect(abs((at100?.f1 ?? 0) - 0.75) < 1e-12)
        // Errors at ±100 ms: −10, +30, +80 ms → median 30 ms, one of three early.
        #expect(abs((m.medianAbsoluteError ?? 0) - 0.03) < 1e-9)
        #expect(abs((m.earlyShare ?? 0) - 1.0 / 3) < 1e-12)
    }

    @Test func recallOnlyTruthIgnoresExtraDetections() {
        let m = TimingMetrics.compute(detected: [1.0, 1.5], reference: [1.0], judgePrecision: false)
        #expect(m.score(at: 0.05)?.falsePositives == 0)
        #expect(m.score(at: 0.05)?.recall == 1)
        #expect(m.score(at: 0.05)?.f1 == nil)
    }

    @Test func groundTruthWindowsUncertainAndNonSteps() throws {
        let json = """
            {"clip": "x.mp4", "fps": 30, "window": [1.0, 5.0], "walker_windows": {"1": [1.0, 3.0], "2": [3.0, 5.0]},
             "events": [{"time": 1.5, "walker": 1, "foot": "left", "kind": "heel_strike"},
                        {"time": 2.1, "walker": 1, "foot": "right", "kind": "heel_strike"},
                        {"time": 3.5, "walker": 2, "foot": null, "kind": "not_step"},
                        {"time": 4.2, "walker": 1, "foot": "left", "kind": "heel_strike"}],
             "uncertain": [{"frame": 75, "note": "hidden"}]}
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gt-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let truth = try GroundTruth.load(path: url.path)
        let detected = [1.52, 2.09, 2.5, 3.52, 0.5].map {
            StepEvent(time: $0, frame: 0, walker: 0, foot: .left, confidence: 1)
        }
        let e = ClipEvaluation.evaluate(detected: detected, truth: truth)
        #expect(e.referenceCount == 2)  // 4.2 is outside walker 1's window
        #expect(e.falseStepsAtNonSteps == 1)  // 3.52 is at the landing
        // 0.5 is outside the window, 2.5 is the uncertain frame 75: neither counts; 3.52 is a false positive.
        #expect(e.metrics.score(at: 0.05)?.falsePositives == 1)
        #expect(e.metrics.score(at: 0.05)?.truePositives == 2)
    }

    @Test func unreadableTruthIsBadInput() {
        #expect(throws: FootfallError.self) { try GroundTruth.load(path: "/nonexistent/truth.json") }
    }
}

@Suite struct PoseRecordingTests {
    func write(_ json: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pose-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url.path
    }

    let frame = """
        {"time": 0.5, "frame": 15, "walkers": [{"walker": 0, "score": 1, "box": {"x": 0, "y": 0, "width": 1, "height": 1},
         "landmarks": [\(Array(repeating: #"{"x": 1, "y": 2, "z": 0, "visibility": 0.9, "presence": 1}"#, count: 33).joined(separator: ","))]}]}
        """

    @Test func readsTheBenchScriptsFormat() throws {
        let path = try write(
            #"{"video": {"file": "a.mp4", "width": 640, "height": 352, "duration": 4.9, "frame_rate": 29.76}, "frames": ["#
                + frame + "]}")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try PoseRecording.load(path: path)
        #expect(r.frames.count == 1)
        #expect(r.video?.width == 640)
    }

    @Test func readsThePoseCommandsFormatWithAFullVideoInfo() throws {
        let info = VideoInfo(
            path: "/x/b.mp4", container: "mov", videoCodec: "h264", codedWidth: 1280, codedHeight: 720, rotation: 0,
            frameRate: 25, isVariableFrameRate: false, duration: 2, frameCount: 50, audioStreams: [])
        let video = String(decoding: try JSONEncoder().encode(info), as: UTF8.self)
        let path = try write(#"{"video": "# + video + #", "frames": ["# + frame + "]}")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try PoseRecording.load(path: path)
        #expect(r.video?.file == "b.mp4")
        #expect(r.video?.frameRate == 25)
    }

    @Test func wrongLandmarkCountIsBadInput() throws {
        let path = try write(
            #"{"frames": [{"time": 0, "frame": 0, "walkers": [{"walker": 0, "score": 1, "box": {"x": 0, "y": 0, "width": 1, "height": 1}, "landmarks": []}]}]}"#
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: FootfallError.self) { try PoseRecording.load(path: path) }
    }
}
