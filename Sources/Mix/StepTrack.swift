import FootfallCore
import Sound

/// Where every planned step's sound sits on the track, and the track rendered a block at a time from the bank.
///
/// Each sound's transient peak lands exactly on round(step.time × sample rate); a sound that would start before 0
/// or run past the end is cut, never shifted. Steps are added in plan order, so a block renders to the same bits
/// however the track is cut into blocks.
struct StepTrack: Sendable {
    let plan: FootstepPlan
    let bank: SoundBank
    let frames: Int
    /// First sample of each step's sound; nil when the step is not placed.
    let starts: [Int?]
    /// Placed steps by start sample, for finding the ones that reach into a block.
    let byStart: [Int]
    private let longest: Int

    init(plan: FootstepPlan, bank: SoundBank, frames: Int) throws {
        guard bank.count == plan.steps.count else {
            throw FootfallError.failure(
                "the sound backend returned \(bank.count) sounds for \(plan.steps.count) steps; "
                    + "try again, or use another backend with --backend")
        }
        self.plan = plan
        self.bank = bank
        self.frames = frames
        let placer = StepPlacer(sampleRate: bank.sampleRate)
        let starts = zip(plan.steps, bank.entries).map { planned, e in
            placer.start(of: planned, frames: e.frames, transientIndex: e.transientIndex, trackFrames: frames)
        }
        self.starts = starts
        byStart = starts.indices.filter { starts[$0] != nil }.sorted { (starts[$0]!, $0) < (starts[$1]!, $1) }
        longest = bank.entries.map(\.frames).max() ?? 0
    }

    var placedCount: Int { byStart.count }

    /// Sample range of a placed step's sound on the track.
    func span(of index: Int) -> Range<Int> {
        guard let start = starts[index] else { return 0..<0 }
        return max(0, start)..<min(frames, start + bank.entries[index].frames)
    }

    /// Stereo samples of `range` from the steps in `subset` (placed steps by start; all of them when nil).
    func render(_ range: Range<Int>, subset: [Int]? = nil) throws -> [[Float]] {
        var left = [Float](repeating: 0, count: range.count)
        var right = left
        let placer = StepPlacer(sampleRate: bank.sampleRate)
        for index in steps(reaching: range, in: subset ?? byStart) {
            let planned = plan.steps[index]
            guard let start = starts[index] else { continue }
            placer.add(
                planned, sound: try bank.sound(at: index), start: start, trackFrames: frames, block: range,
                into: &left, &right)
        }
        return [left, right]
    }

    /// Indices, in plan order, of the placed steps whose sound overlaps `range`.
    private func steps(reaching range: Range<Int>, in byStart: [Int]) -> [Int] {
        // First step that could still be sounding at range.lowerBound.
        var lo = 0
        var hi = byStart.count
        let earliest = range.lowerBound - longest
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[byStart[mid]]! < earliest { lo = mid + 1 } else { hi = mid }
        }
        var found: [Int] = []
        var k = lo
        while k < byStart.count, let start = starts[byStart[k]], start < range.upperBound {
            if start + bank.entries[byStart[k]].frames > range.lowerBound { found.append(byStart[k]) }
            k += 1
        }
        return found.sorted()
    }
}
