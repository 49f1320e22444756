import CEbur128
import FootfallCore
import Foundation

extension LoudnessMeter {
    /// Short-term loudness (3 s window, EBU R128) every `step` seconds, for plots. Points where the window is
    /// silent are left out.
    public static func shortTermCurve(_ audio: any AudioBlockSource, step: Double = 0.1) throws -> [(
        time: Double, lufs: Double
    )] {
        guard audio.channelCount > 0, audio.sampleRate > 0, audio.frameCount > 0 else { return [] }
        let meter = try LoudnessAccumulator(
            channels: audio.channelCount, sampleRate: audio.sampleRate, mode: Int32(EBUR128_MODE_S.rawValue))
        let hop = max(1, Int(step * Double(audio.sampleRate)))
        var curve: [(time: Double, lufs: Double)] = []
        // Blocks are whole hops, so the points fall where they would for the track read in one piece.
        let blockFrames = max(1, AudioBlock.defaultFrames / hop) * hop
        try audio.forEachBlock(of: blockFrames) { blockStart, block in
            let count = block.first?.count ?? 0
            var start = 0
            while start < count {
                let n = min(hop, count - start)
                try meter.add(block, from: start, count: n)
                start += n
                if let value = meter.shortTerm, value > -70 {
                    curve.append((Double(blockStart + start) / Double(audio.sampleRate), value))
                }
            }
        }
        return curve
    }
}
