/// Jezar's Freeverb (public domain): eight damped feedback combs in parallel, four all-passes in series, per
/// channel, the right channel's delays spread a little. Tunings are the original 44.1 kHz ones rescaled.
struct FreeverbTail {
    private static let combTunings = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617]
    private static let allPassTunings = [556, 441, 341, 225]
    private static let stereoSpread = 23
    private static let inputGain: Float = 0.015

    private struct Comb {
        var buffer: [Float]
        var index = 0
        var store: Float = 0
        mutating func process(_ input: Float, feedback: Float, damp: Float) -> Float {
            let out = buffer[index]
            store = out * (1 - damp) + store * damp
            buffer[index] = input + store * feedback
            index = index + 1 == buffer.count ? 0 : index + 1
            return out
        }
    }

    private struct AllPass {
        var buffer: [Float]
        var index = 0
        mutating func process(_ input: Float) -> Float {
            let delayed = buffer[index]
            buffer[index] = input + delayed * 0.5
            index = index + 1 == buffer.count ? 0 : index + 1
            return delayed - input
        }
    }

    private var combs: [[Comb]]
    private var allPasses: [[AllPass]]
    private let feedback: Float
    private let damp: Float

    init(sampleRate: Double, roomSize: Float, damping: Float) {
        let scale = sampleRate / 44_100
        func length(_ n: Int, _ channel: Int) -> Int {
            max(1, Int((Double(n + channel * Self.stereoSpread) * scale).rounded()))
        }
        combs = (0..<2).map { c in
            Self.combTunings.map { Comb(buffer: [Float](repeating: 0, count: length($0, c))) }
        }
        allPasses = (0..<2).map { c in
            Self.allPassTunings.map { AllPass(buffer: [Float](repeating: 0, count: length($0, c))) }
        }
        feedback = 0.7 + 0.28 * min(max(roomSize, 0), 1)
        damp = 0.4 * min(max(damping, 0), 1)
    }

    /// The wet signal only, from the mono sum of the input (as Freeverb does).
    mutating func process(left: [Float], right: [Float]) -> ([Float], [Float]) {
        let n = min(left.count, right.count)
        var outL = [Float](repeating: 0, count: n)
        var outR = [Float](repeating: 0, count: n)
        for i in 0..<n {
            let input = (left[i] + right[i]) * Self.inputGain
            for c in 0..<2 {
                var acc: Float = 0
                for k in 0..<combs[c].count { acc += combs[c][k].process(input, feedback: feedback, damp: damp) }
                for k in 0..<allPasses[c].count { acc = allPasses[c][k].process(acc) }
                if c == 0 { outL[i] = acc } else { outR[i] = acc }
            }
        }
        return (outL, outR)
    }
}
