/// Jezar's Freeverb (public domain): eight damped feedback combs in parallel, four all-passes in series, per
/// channel, the right channel's delays spread a little. Tunings are the original 44.1 kHz ones rescaled.
struct FreeverbTail {
    private static let combTunings = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617]
    private static let allPassTunings = [556, 441, 341, 225]
    private static let stereoSpread = 23
    private static let inputGain: Float = 0.015

    /// Delay-line lengths for one channel: combs first, then all-passes.
    private let lengths: [[Int]]
    private let feedback: Float
    private let damp: Float

    init(sampleRate: Double, roomSize: Float, damping: Float) {
        let scale = sampleRate / 44_100
        lengths = (0..<2).map { c in
            (Self.combTunings + Self.allPassTunings).map { n in
                // The spread applies to combs and all-passes alike, as in Freeverb.
                max(1, Int((Double(n + c * Self.stereoSpread) * scale).rounded()))
            }
        }
        feedback = 0.7 + 0.28 * min(max(roomSize, 0), 1)
        damp = 0.4 * min(max(damping, 0), 1)
    }

    /// The wet signal only, from the mono sum of the input (as Freeverb does).
    func process(left: [Float], right: [Float]) -> ([Float], [Float]) {
        let n = min(left.count, right.count)
        var input = [Float](repeating: 0, count: n)
        for i in 0..<n { input[i] = (left[i] + right[i]) * Self.inputGain }
        return (channel(input, lengths: lengths[0]), channel(input, lengths: lengths[1]))
    }

    /// One channel, all delay lines in one contiguous buffer and walked with raw pointers: this loop runs
    /// 12 filters per sample over the whole track.
    private func channel(_ input: [Float], lengths: [Int]) -> [Float] {
        let combCount = Self.combTunings.count
        let lineCount = lengths.count
        var offsets = [Int](repeating: 0, count: lineCount)
        for k in 1..<lineCount { offsets[k] = offsets[k - 1] + lengths[k - 1] }
        var lines = [Float](repeating: 0, count: offsets[lineCount - 1] + lengths[lineCount - 1])
        var index = [Int](repeating: 0, count: lineCount)
        var store = [Float](repeating: 0, count: combCount)
        var out = [Float](repeating: 0, count: input.count)
        let feedback = self.feedback
        let damp = self.damp
        lines.withUnsafeMutableBufferPointer { buf in
            index.withUnsafeMutableBufferPointer { idx in
                store.withUnsafeMutableBufferPointer { st in
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
