import FootfallCore
import Foundation

/// The video's own sound as a timing cue. A heel strike makes a sound at the instant of contact; when the sound
/// track carries the steps (game audio, production sound of steps on gravel or a hard floor) its attacks are a
/// sharper clock than the picture, which sees the contact only between two frames and through pose jitter.
///
/// The sound is used only when it is evidently locked to the steps seen in the picture: one clip-wide offset
/// between the steps and the attacks (the file's audio–video offset plus the picture cues' bias) must put an
/// attack next to more steps than random attacks at the measured attack rate could (a binomial tail, corrected
/// for the offsets tried). Voice, music or machine noise near the steps then changes nothing. Once locked, each
/// step moves to the attack next to it (its time becomes the attack's, `sound` joins its cues) and a step with
/// no attack nearby moves by the clip's offset. Of several walkers only those whose own steps are mostly heard
/// follow the sound.
public struct FootstepSoundCue: Sendable {
    public struct Options: Sendable, Equatable {
        /// How far an attack may sit from a step shifted by the clip's offset and still be that step's sound
        /// (picture timing spread, 20–30 ms, plus the sound's own onset definition).
        public var tolerance = 0.04
        /// Offsets tried, ± seconds: a frame or two of audio–video offset and the picture's timing error, which
        /// grows as the steps' confidence falls (up to ~0.1 s late on hard footage):
        /// `baseOffsetRange + doubtOffsetRange × (1 − mean confidence)`. Kept narrow for sure steps so music at
        /// the walker's cadence cannot pull them off their frames.
        public var baseOffsetRange = 0.06
        public var doubtOffsetRange = 0.12
        /// Extra reach for doubtful steps once the sound is locked: `tolerance + doubtReach × (1 − confidence)`.
        public var doubtReach = 0.06
        public var offsetStep = 0.005
        /// Chance that random attacks explain the lock, after correcting for the offsets tried. Simulated on 2000
        /// clips of 3–12 steps (picture bias ±80 ms, spread 10–40 ms): with random sound (0.5–4.5 attacks/s) 1 %
        /// lock and the steps within ±50 ms of the truth go 0.59 → 0.59; with 80 % of the steps heard over the same
        /// background 64 % lock and 0.59 → 0.85 (0.01: 0.5 % and 54 %, 0.82; 0.05: 4 % and 75 %, 0.58 and 0.87).
        public var maxChance = 0.02
        /// A lock that needs the left-out candidates can add steps, not only move them: it must be this much less
        /// likely by chance (a false lock would turn a gesture's or a weight shift's candidates into steps).
        public var candidateChanceShare = 0.25
        /// At least this many steps and this share of them must have their attack.
        public var minLocked = 3
        public var minLockedShare = 0.5
        /// A confirmed candidate needs this much time (s) to the walker's other steps.
        public var minStepInterval = 0.22
        public init() {}
    }

    /// What the sound did for a clip (also logged).
    public struct Alignment: Sendable, Equatable, Codable {
        /// Attack time minus step time; nil when the sound is not locked to the steps.
        public var offset: Double?
        /// Steps (and, when they alone did not lock, left-out candidates) tried for a lock.
        public var steps: Int
        public var locked: Int
        public var attacks: Int
        /// Probability that random attacks would lock as many steps (corrected for the offsets tried).
        public var chance: Double
        public var snapped: Int
        /// Candidates the picture left out that a footstep heard on them made steps.
        public var confirmed = 0
        /// The walker whose steps alone locked the sound (the others' were not heard); nil: all walkers together.
        public var walker: Int?

        public init(
            offset: Double?, steps: Int, locked: Int, attacks: Int, chance: Double, snapped: Int, confirmed: Int = 0
        ) {
            self.offset = offset
            self.steps = steps
            self.locked = locked
            self.attacks = attacks
            self.chance = chance
            self.snapped = snapped
            self.confirmed = confirmed
        }
    }

    public var options: Options

    public init(options: Options = .init()) {
        self.options = options
    }

    /// `steps` (heel strikes, any walkers) aligned on `attacks` (onset times, seconds, sorted); `candidates`
    /// (heel strikes the picture left out for their rhythm or confidence) become steps where a footstep is heard on
    /// them. `audioDuration`: seconds of sound the attacks come from. `frameIndex` gives the frame nearest to a
    /// time (PTS based).
    public func align(
        _ steps: [StepEvent], candidates: [StepEvent] = [], attacks: [Double], audioDuration: Double? = nil,
        frameIndex: (Double) -> Int
    ) -> (steps: [StepEvent], alignment: Alignment) {
        var alignment = Alignment(
            offset: nil, steps: steps.count, locked: 0, attacks: attacks.count, chance: 1, snapped: 0)
        func offsetRange(_ events: [StepEvent]) -> Double {
            let doubt = 1 - events.map(\.confidence).reduce(0, +) / Double(max(events.count, 1))
            return options.baseOffsetRange + options.doubtOffsetRange * min(max(doubt, 0), 1)
        }
        // The picture's steps lock the sound; failing that (a walker the picture judged not to walk), the steps
        // and the left-out candidates together, with no share asked of them: most candidates may be noise.
        var found: Lock?
        if let lock = lock(
            steps.map(\.time), attacks: attacks, offsetRange: offsetRange(steps), audioDuration: audioDuration)
        {
            alignment.locked = lock.count
            alignment.chance = lock.chance
            if lock.chance <= options.maxChance, lock.count >= min(options.minLocked, steps.count),
                Double(lock.count) >= options.minLockedShare * Double(steps.count)
            {
                found = lock
            }
        }
        let all = steps + candidates
        if found == nil, !candidates.isEmpty,
            let lock = lock(
                all.map(\.time), attacks: attacks, offsetRange: offsetRange(all), audioDuration: audioDuration)
        {
            alignment.steps = all.count
            alignment.locked = lock.count
            alignment.chance = lock.chance
            if lock.chance <= options.maxChance * options.candidateChanceShare, lock.count >= options.minLocked {
                found = lock
            }
        }
        guard let lock = found else { return (steps, alignment) }
        alignment.offset = lock.offset
        // With several walkers, only those whose own steps are mostly heard follow the sound: a walker further off
        // may be drowned by the near one, and the offset carries the near one's picture bias.
        let heardWalkers = Set(
            Dictionary(grouping: steps, by: \.walker).filter { _, own in
                let hits = own.filter { step in
                    nearest(attacks, to: step.time + lock.offset).map {
                        abs(attacks[$0] - step.time - lock.offset) <= options.tolerance
                    } ?? false
                }
                return Double(hits.count) >= options.minLockedShare * Double(own.count)
            }.keys)
        let walkers = Set(steps.map(\.walker))
        if walkers.count > 1, heardWalkers.count == 1 { alignment.walker = heardWalkers.first }
        var claimed = Set<Int>()
        var out = steps
        // Most confident steps claim their attack first, so a doubtful step next to a sure one cannot take it.
        for i in steps.indices.sorted(by: { steps[$0].confidence > steps[$1].confidence })
        where walkers.count == 1 || heardWalkers.contains(steps[i].walker) {
            let expected = steps[i].time + lock.offset
            // A step the picture times poorly (the body's bounce alone) may be further from its sound.
            let reach = options.tolerance + options.doubtReach * (1 - steps[i].confidence)
            if let a = nearest(attacks, to: expected), abs(attacks[a] - expected) <= reach, !claimed.contains(a) {
                claimed.insert(a)
                out[i] = heard(out[i], at: attacks[a])
                alignment.snapped += 1
            } else {
                out[i].time = max(0, expected)
            }
            out[i].frame = frameIndex(out[i].time)
        }
        // A left-out candidate of a walker who is not heard does not take a heard walker's sound.
        for c in candidates.sorted(by: { $0.confidence > $1.confidence })
        where walkers.count <= 1 || heardWalkers.contains(c.walker) || !walkers.contains(c.walker) {
            let expected = c.time + lock.offset
            guard let a = nearest(attacks, to: expected), abs(attacks[a] - expected) <= options.tolerance,
                !claimed.contains(a),
                !out.contains(where: { $0.walker == c.walker && abs($0.time - attacks[a]) < options.minStepInterval })
            else { continue }
            claimed.insert(a)
            var step = heard(c, at: attacks[a])
            step.frame = frameIndex(step.time)
            out.append(step)
            alignment.snapped += 1
            alignment.confirmed += 1
        }
        out.sort { ($0.time, $0.walker) < ($1.time, $1.walker) }
        return (out, alignment)
    }

    /// `step` moved onto the attack of its footstep.
    func heard(_ step: StepEvent, at attack: Double) -> StepEvent {
        var out = step
        out.time = attack
        out.cues = (out.cues ?? []) + ["sound"]
        // An independent cue agrees: what doubt is left is the chance that this attack is another sound.
        out.confidence = 1 - (1 - out.confidence) * 0.25
        return out
    }

    struct Lock {
        var offset: Double
        var count: Int
        var chance: Double
    }

    /// The clip-wide offset that puts an attack next to the most steps, its count and how likely chance is.
    func lock(_ times: [Double], attacks: [Double], offsetRange: Double, audioDuration: Double?) -> Lock? {
        guard times.count >= 2, !attacks.isEmpty, let first = times.min(), let last = times.max() else { return nil }
        let tol = options.tolerance
        // Offsets on a grid; the lock is the middle of the widest run of offsets that lock the most steps (the
        // median of the residuals would follow one outlying step).
        var counts: [(offset: Double, count: Int)] = []
        var offset = -offsetRange
        while offset <= offsetRange + 1e-9 {
            let count = times.filter { t in
                nearest(attacks, to: t + offset).map { abs(attacks[$0] - t - offset) <= tol } ?? false
            }.count
            counts.append((offset, count))
            offset += options.offsetStep
        }
        let most = counts.map(\.count).max() ?? 0
        var best: (offset: Double, count: Int)?
        var runStart: Int?
        var widest = 0
        for i in counts.indices {
            guard counts[i].count == most else {
                runStart = nil
                continue
            }
            let start = runStart ?? i
            runStart = start
            if i - start + 1 > widest {
                widest = i - start + 1
                best = ((counts[start].offset + counts[i].offset) / 2, most)
            }
        }
        guard let best, best.count > 0 else { return nil }
        // Attack rate around the steps: how often a random attack falls next to a step by itself.
        // (Only where there is sound: a margin past the audio's end would dilute the rate.)
        let from = max(0, first - 1)
        let to = min(audioDuration ?? .infinity, last + 1)
        let nearby = attacks.filter { $0 >= from && $0 <= to }.count
        let rate = Double(nearby) / max(to - from, 0.5)
        let pHit = 1 - exp(-rate * 2 * tol)
        let trials = max(1, offsetRange / tol)
        let chance = min(1, Self.binomialTail(n: times.count, k: best.count, p: pHit) * trials)
        return Lock(offset: best.offset, count: best.count, chance: chance)
    }

    func nearest(_ sorted: [Double], to t: Double) -> Int? {
        guard !sorted.isEmpty else { return nil }
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        if lo == 0 { return 0 }
        if lo == sorted.count { return sorted.count - 1 }
        return t - sorted[lo - 1] <= sorted[lo] - t ? lo - 1 : lo
    }

    /// P(K ≥ k) for K ~ Binomial(n, p).
    static func binomialTail(n: Int, k: Int, p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n else { return 0 }
        var total = 0.0
        for j in k...n {
            total += exp(logChoose(n, j) + Double(j) * log(max(p, 1e-300)) + Double(n - j) * log(max(1 - p, 1e-300)))
        }
        return min(1, total)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
