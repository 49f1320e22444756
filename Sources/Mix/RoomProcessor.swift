import FootfallCore

/// A `RoomReverb` applied to consecutive stereo blocks of one track: the reflections' filters, the last few
/// milliseconds of input they read back, and the Freeverb delay lines carry over from block to block, so the result
/// is the same however the track is cut.
struct RoomProcessor {
    private struct Tap {
        var delay: Int
        var gain: Float
        var state: Float = 0
    }

    private var taps: [[Tap]]
    /// The last `historyLength` input samples per channel (zeros before the track starts).
    private var history: [[Float]]
    private let historyLength: Int
    private var tail: FreeverbTail?
    private let tailGain: Float

    init(room: RoomReverb, sampleRate: Int) {
        let rate = Double(sampleRate)
        taps = [room.leftReflections, room.rightReflections].map { reflections in
            reflections.map { Tap(delay: Int(($0.delay * rate).rounded()), gain: $0.gain) }.filter { $0.delay > 0 }
        }
        historyLength = taps.joined().map(\.delay).max() ?? 0
        history = [[Float]](repeating: [Float](repeating: 0, count: historyLength), count: 2)
        if let roomSize = room.roomSize, room.tailGain > 0 {
            tail = FreeverbTail(sampleRate: rate, roomSize: roomSize, damping: room.damping)
        }
        tailGain = room.tailGain
    }

    /// Dry plus room for the next block (two channels of equal length).
    mutating func process(_ block: [[Float]]) -> [[Float]] {
        guard block.count == 2, let n = block.first?.count, n > 0 else { return block }
        var out = block
        for c in 0..<2 {
            // Input with the previous block's last samples in front, so a delay can reach back across the cut.
            let x = history[c] + block[c]
            for t in taps[c].indices {
                let d = taps[c][t].delay
                let g = taps[c][t].gain
                // Surfaces absorb highs: each reflection goes through a gentle one-pole low-pass.
                var state = taps[c][t].state
                for i in 0..<n {
                    state += 0.45 * (x[historyLength + i - d] - state)
                    out[c][i] += state * g
                }
                taps[c][t].state = state
            }
            history[c] = Array(x.suffix(historyLength))
        }
        if var reverb = tail {
            let (tl, tr) = reverb.process(left: block[0], right: block[1])
            tail = reverb
            for i in 0..<n {
                out[0][i] += tl[i] * tailGain
                out[1][i] += tr[i] * tailGain
            }
        }
        return out
    }
}
