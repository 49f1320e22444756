import FootfallCore
import Sound

/// The per-walker, per-foot stems of a mix, read a block at a time from the spooled sounds, so a long video with
/// many walkers never holds a stem in memory. Stems are dry, aligned with the mix and share one gain.
///
/// Only the `maxWalkers` walkers with the most steps get stems of their own; the rest share an "others" stem per
/// foot. A busy street gives dozens of walker ids (people come and go), and a full-length stereo file per id and
/// foot would fill a disk: 80 ids over 30 minutes are 80 GB.
public struct StemSet: Sendable {
    public static let maxWalkers = 8

    public let keys: [StemKey]
    /// Linear gain applied to every stem (the mix's loudness gain, lowered if a stem would clip).
    public let gain: Float
    let track: StepTrack
    private let members: [StemKey: [Int]]

    init(track: StepTrack, gain: Float) {
        self.track = track
        self.gain = gain
        var counts: [Int: Int] = [:]
        for planned in track.plan.steps { counts[planned.step.walker, default: 0] += 1 }
        let own = Set(counts.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(Self.maxWalkers).map(\.key))
        func key(_ step: StepEvent) -> StemKey {
            StemKey(walker: own.contains(step.walker) ? step.walker : nil, foot: step.foot)
        }
        var members: [StemKey: [Int]] = [:]
        for index in track.byStart { members[key(track.plan.steps[index].step), default: []].append(index) }
        self.members = members
        keys = Set(track.plan.steps.map { key($0.step) }).sorted()
    }

    /// The same stems with another gain.
    public func withGain(_ gain: Float) -> StemSet { StemSet(track: track, gain: gain) }

    /// One walker's foot, stereo, as long as the mix, read in blocks.
    public func source(_ key: StemKey) -> any AudioBlockSource {
        StemSource(track: track, steps: members[key] ?? [], gain: gain)
    }

    /// One walker's foot in memory (short tracks and tests).
    public func render(_ key: StemKey) throws -> AudioBuffer { try source(key).loadAll() }

    /// Largest sample of the stem at unity gain, reading only where its steps sound.
    func unityPeak(_ key: StemKey) throws -> Float {
        let steps = members[key] ?? []
        var peak: Float = 0
        for index in steps {
            let span = track.span(of: index)
            var start = span.lowerBound
            while start < span.upperBound {
                let end = min(span.upperBound, start + AudioBlock.defaultFrames)
                for plane in try track.render(start..<end, subset: steps) {
                    for x in plane { peak = max(peak, abs(x)) }
                }
                start = end
            }
        }
        return peak
    }
}

/// A stem as an `AudioBlockSource`.
struct StemSource: AudioBlockSource {
    let track: StepTrack
    let steps: [Int]
    let gain: Float

    var sampleRate: Int { track.bank.sampleRate }
    var channelCount: Int { 2 }
    var frameCount: Int { track.frames }

    func read(_ range: Range<Int>) throws -> [[Float]] {
        var block = try track.render(range, subset: steps)
        if gain != 1 {
            for c in block.indices {
                block[c].withUnsafeMutableBufferPointer { p in for i in p.indices { p[i] *= gain } }
            }
        }
        return block
    }
}
