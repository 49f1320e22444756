import FootfallCore

/// Walker-level checks that turn method candidates into steps: a gait alternates feet at a walking or running
/// cadence; two feet landing together is a jump; a lone foot movement is not walking. Occlusion lowers
/// confidence instead of inventing or forcing steps.
struct GaitPlausibility {
    var options: StepDetectorOptions

    /// Filters one walker's heel-strike candidates (any order); returns the accepted ones sorted by time, the
    /// reasons for the rejected ones, the plausible steps left out only for low confidence, and the candidates
    /// another cue may still confirm (`doubted`: left out for their rhythm, their confidence or mixed-up legs, not
    /// landings or jumps).
    /// `heelSeen(foot, time)`: whether that heel was seen then (a stride of one foot alone needs the other
    /// unseen between its steps).
    func accept(_ candidates: [GaitCandidate], heelSeen: (Foot, Double) -> Bool = { _, _ in false }) -> (
        accepted: [GaitCandidate], rejected: [String], uncertain: [GaitCandidate], doubted: [GaitCandidate]
    ) {
        var events = candidates.sorted { $0.time < $1.time }
        var rejected: [String] = []
        var doubted = events.filter { $0.rejectReason != nil && !$0.isLanding }
        func note(_ reason: String, _ e: GaitCandidate) {
            rejected.append("\(reason) at \(String(format: "%.3f", e.time)) s (\(e.foot.rawValue))")
        }

        // 0. What a method already ruled out.
        for e in events where e.rejectReason != nil { note(e.rejectReason ?? "", e) }
        events = events.filter { $0.rejectReason == nil }

        // 1. Both feet landing together: a jump landing (or a hop), not a step.
        var drop = Set<Int>()
        for i in events.indices {
            for j in (i + 1)..<events.count {
                guard events[j].time - events[i].time <= options.jumpSimultaneity else { break }
                if events[j].foot != events[i].foot {
                    drop.insert(i)
                    drop.insert(j)
                }
            }
        }
        for i in drop.sorted() { note("jump landing", events[i]) }
        events = events.enumerated().filter { !drop.contains($0.offset) }.map(\.element)

        // 2. Steps closer than the fastest cadence: keep the more confident one.
        var kept: [GaitCandidate] = []
        for e in events {
            if let last = kept.last, e.time - last.time < options.minStepInterval {
                if e.confidence > last.confidence {
                    note("too close", last)
                    kept[kept.count - 1] = e
                } else {
                    note("too close", e)
                }
            } else {
                kept.append(e)
            }
        }
        events = kept

        // 3. A step needs a neighbouring step at a walking cadence; a lone contact is a shuffle, a landing or noise.
        // A foot seen alone (the other occluded) still qualifies through its own next stride; with the other foot
        // in view and no step of it between, two steps of one foot are two separate movements.
        func linked(_ a: Int, _ b: Int) -> Bool {
            let gap = abs(events[b].time - events[a].time)
            guard events[a].foot == events[b].foot else { return gap <= options.maxStepInterval }
            let middle = (events[a].time + events[b].time) / 2
            return gap <= 2 * options.maxStepInterval && !heelSeen(events[a].foot.other, middle)
        }
        var isolated = Set<Int>()
        for i in events.indices {
            let withPrev = i > 0 && linked(i - 1, i)
            let withNext = i + 1 < events.count && linked(i, i + 1)
            if !withPrev && !withNext { isolated.insert(i) }
        }
        for i in isolated.sorted() {
            note("isolated", events[i])
            doubted.append(events[i])
        }
        events = events.enumerated().filter { !isolated.contains($0.offset) }.map(\.element)

        // 4. Same foot twice in a row: the other foot's step was missed (occlusion); both are less certain.
        for i in events.indices.dropFirst() where events[i].foot == events[i - 1].foot {
            events[i].confidence *= 0.8
            events[i - 1].confidence *= 0.8
        }
        let confident = events.filter { $0.confidence >= options.minConfidence }
        let uncertain = events.filter { $0.confidence < options.minConfidence }
        for e in uncertain { note("low confidence", e) }
        return (confident, rejected, uncertain, (doubted + uncertain).sorted { $0.time < $1.time })
    }
}
