/// Jezar's Freeverb (public domain): eight damped feedback combs in parallel, four all-passes in series, per
/// channel, the right channel's delays spread a little. Tunings are the original 44.1 kHz ones rescaled.
/// The delay lines persist between calls, so a long track can be processed a block at a time.
struct FreeverbTail {
    private static let combTunings = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617]
    private static let allPassTunings = [556, 441, 341, 225]
    private static let stereoSpread = 23
    private static let inputGain: Float = 0.015

    /// The delay lines of one channel: combs first, then all-passes, in one contiguous buffer.
    private struct Channel {
        var lengths: [Int]
        var offsets: [Int]
        var lines: [Float]
        var index: [Int]
        var store: [Float]

        init(lengths: [Int], combs: Int) {
            self.lengths = lengths
            offsets = [Int](repeating: 0, count: lengths.count)
            for k in 1..<lengths.count { offsets[k] = offsets[k - 1] + lengths[k - 1] }
            lines = [Float](repeating: 0, count: offsets[lengths.count - 1] + lengths[lengths.count - 1])
            index = [Int](repeating: 0, count: lengths.count)
            store = [Float](repeating: 0, count: combs)
        }
    }

    private var channels: [Channel]
    private let feedback: Float
    private let damp: Float

    init(sampleRate: Double, roomSize: Float, damping: Float) {
        let scale = sampleRate / 44_100
        channels = (0..<2).map { c in
            Channel(
                lengths: (Self.combTunings + Self.allPassTunings).map { n in
                    // The spread applies to combs and all-passes alike, as in Freeverb.
                    max(1, Int((Double(n + c * Self.stereoSpread) * scale).rounded()))
                }, combs: Self.combTunings.count)
        }
        feedback = 0.7 + 0.28 * min(max(roomSize, 0), 1)
        damp = 0.4 * min(max(damping, 0), 1)
    }

    /// The wet signal only, from the mono sum of the input (as Freeverb does); continues from the last call.
    mutating func process(left: [Float], right: [Float]) -> ([Float], [Float]) {
        let n = min(left.count, right.count)
        var input = [Float](repeating: 0, count: n)
        for i in 0..<n { input[i] = (left[i] + right[i]) * Self.inputGain }
        let l = Self.run(input, &channels[0], feedback: feedback, damp: damp)
        let r = Self.run(input, &channels[1], feedback: feedback, damp: damp)
        return (l, r)
    }

    /// Walked with raw pointers: this loop runs 12 filters per sample over the whole track.
    private static func run(_ input: [Float], _ ch: inout Channel, feedback: Float, damp: Float) -> [Float] {
        let combCount = combTunings.count
        let lineCount = ch.lengths.count
        var out = [Float](repeating: 0, count: input.count)
        let lengths = ch.lengths
        let offsets = ch.offsets
        ch.lines.withUnsafeMutableBufferPointer { buf in
            ch.index.withUnsafeMutableBufferPointer { idx in
                ch.store.withUnsafeMutableBufferPointer { st in
                    out.withUnsafeMutableBufferPointer { y in
                        input.withUnsafeBufferPointer { x in
                            lengths.withUnsafeBufferPointer { len in
                                offsets.withUnsafeBufferPointer { off in
                                    for i in 0..<x.count {
                                        var acc: Float = 0
                                        for k in 0..<combCount {
                                            let p = off[k] + idx[k]
                                            let delayed = buf[p]
                                            st[k] = delayed * (1 - damp) + st[k] * damp
                                            buf[p] = x[i] + st[k] * feedback
                                            idx[k] = idx[k] + 1 == len[k] ? 0 : idx[k] + 1
                                            acc += delayed
                                        }
                                        for k in combCount..<lineCount {
                                            let p = off[k] + idx[k]
                                            let delayed = buf[p]
                                            buf[p] = acc + delayed * 0.5
                                            idx[k] = idx[k] + 1 == len[k] ? 0 : idx[k] + 1
                                            acc = delayed - acc
                                        }
                                        y[i] = acc
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
