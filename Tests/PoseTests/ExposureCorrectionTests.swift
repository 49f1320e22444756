import FootfallCore
import Foundation
import MediaIO
import Testing

@testable import Pose

/// The demo's first frames made dark (as a night or unlit-interior clip), decoded by MediaIO.
final class DarkenedSource: FrameSource {
    let source: LimitedSource
    let table: [UInt8]

    /// `gain` < 1 underexposes, as a night scene or an unlit interior.
    init(path: String, frames: Int, gain: Double) throws {
        source = try LimitedSource(path: path, frames: frames)
        table = (0..<256).map { UInt8((Double($0) * gain).rounded()) }
    }

    func nextFrame() throws -> RGBFrame? {
        guard var frame = try source.nextFrame() else { return nil }
        frame.pixels = frame.pixels.map { table[Int($0)] }
        return frame
    }
}

@Suite struct ExposureCorrectionTests {
    @Test func ordinaryFootageIsLeftAlone() throws {
        let demo = try ModelFiles.locate().demoVideo
        let frame = try #require(try LimitedSource(path: demo, frames: 1).nextFrame())
        let correction = ExposureCorrection()
        let gamma = correction.gamma(for: frame)
        #expect(gamma == nil)
        let unchanged = correction.apply(to: frame).pixels == frame.pixels
        #expect(unchanged)
    }

    @Test func darkFramesAreLiftedTowardTheTargetWithoutClipping() throws {
        let demo = try ModelFiles.locate().demoVideo
        let dark = try #require(try DarkenedSource(path: demo, frames: 1, gain: 0.15).nextFrame())
        let correction = ExposureCorrection()
        let before = try #require(ExposureCorrection.lumaPercentile(dark, 0.9))
        #expect(before < correction.darkPercentile90)
        let gamma = correction.gamma(for: dark) ?? 1
        #expect(gamma >= correction.minGamma && gamma < 1)
        let lifted = correction.apply(to: dark)
        let after = try #require(ExposureCorrection.lumaPercentile(lifted, 0.9))
        #expect(after > before + 40 && after <= correction.targetPercentile90 + 10, "p90 \(before) → \(after)")
        // Order is kept (a monotone curve) and black stays black.
        let monotone = zip(dark.pixels, lifted.pixels).allSatisfy { $1 >= $0 && ($0 != 0 || $1 == 0) }
        #expect(monotone)
    }

    /// The demo at 5 % exposure (luma p90 ≈ 10): BlazePose finds nobody in it as decoded.
    @Test func walkersInADarkClipAreFoundAgain() throws {
        let demo = try ModelFiles.locate().demoVideo
        func seen(_ exposure: ExposureCorrection?) throws -> Int {
            var options = PoseOptions()
            options.exposure = exposure
            let frames = try PoseEstimator.runBlocking(
                makeSource: { try DarkenedSource(path: demo, frames: 10, gain: 0.05) }, options: options)
            return frames.reduce(0) { $0 + $1.walkers.count }
        }
        let without = try seen(nil)
        let with = try seen(ExposureCorrection())
        #expect(with > without + 5, "walker-frames: \(without) without correction, \(with) with")
    }
}
