import FootfallCore

extension StepDetector {
    /// The gait events of one track from the method its view calls for, and that method's name (nil when the
    /// walker is not walking). The pelvis method takes over where the feet are not seen, and for a walker seen
    /// from the front or back who travels but whose feet show (almost) no swing above the landmark jitter (small,
    /// robed, blurred) while the body still bounces with every step.
    func methodEvents(track: WalkerTrack, signals: SegmentSignals, view: ViewClassifier.Result, cutoffHz: Double)
        -> (events: [GaitCandidate], method: String?)
    {
        let moving = view.travels
        let upright = track.isUpright()
        let automatic = (options.method == .automatic || options.method == .cascade) && upright
        let pelvis = PelvisBobMethod(options: options)
        if automatic, signals.feetMostlyUnseen {
            return (pelvis.events(in: signals, moving: moving), PelvisBobMethod.name)
        }
        let duration = (track.times.last ?? 0) - (track.times.first ?? 0)
        if options.method == .automatic {
            guard upright else { return ([], nil) }
            let found = GaitCycleMethod(options: options).events(track: track, signals: signals, cutoffHz: cutoffHz)
            let footSteps = found.filter {
                $0.kind == .heelStrike && $0.rejectReason == nil && $0.confidence >= options.minConfidence
            }.count
            // A landing from a jump also bottoms out the body; it is no step whatever the pelvis shows.
            let landings = found.filter(\.isLanding).map(\.time)
            let bounce = (moving ? pelvis.events(in: signals, moving: true) : []).filter { b in
                !landings.contains { abs($0 - b.time) < 0.25 }
            }
            if moving, duration >= 1.5 {
                // The feet (small, robed, blurred) gave less than half the steps the body's rhythm shows.
                if 2 * footSteps < bounce.count { return (bounce, PelvisBobMethod.name) }
            }
            if !moving, footSteps < 2 {
                // Stepping in place: the feet rise and land without going ahead; a steady rhythm tells it from
                // someone shifting their weight.
                let lifts = Foot.allCases.flatMap { VerticalMethod(options: options).events(in: signals, foot: $0) }
                let steady = requiringSteadyRhythm(lifts)
                if steady.contains(where: { $0.kind == .heelStrike && $0.rejectReason == nil }) {
                    return (steady, GaitMethodChoice.vertical.rawValue)
                }
            }
            let fill = footBlindFill(found: found, track: track, signals: signals, bounce: bounce)
            return (found + fill, GaitCycleMethod.name)
        }
        let method = chooseMethod(view.view)
        var found: [GaitCandidate] = []
        for foot in Foot.allCases {
            switch method {
            case .zeni: found += ZeniMethod(options: options).events(in: signals, foot: foot)
            case .vertical: found += VerticalMethod(options: options).events(in: signals, foot: foot)
            case .automatic, .cascade: break
            }
        }
        let footSteps = found.filter { $0.kind == .heelStrike && $0.rejectReason == nil }.count
        if automatic, method == .vertical, moving, duration >= 1.5 {
            // The feet gave less than half the steps the body's rhythm shows: trust the rhythm.
            let bounce = pelvis.events(in: signals, moving: true)
            if 2 * footSteps < bounce.count { return (bounce, PelvisBobMethod.name) }
        }
        // The vertical method sees any lifted foot; Zeni needs the heel to reach well ahead of the body.
        if !moving, method == .vertical { found = requiringSteadyRhythm(found) }
        return (found, method == .automatic || method == .cascade ? nil : method.rawValue)
    }

    /// For a walker seen from the front who does not travel (stepping in place, or someone standing and shifting
    /// their weight): only heel strikes in a run of three or more at a steady cadence are steps; a shuffle is not.
    /// One foot alone (the other unseen) may make the run, at its stride's cadence.
    func requiringSteadyRhythm(_ candidates: [GaitCandidate]) -> [GaitCandidate] {
        let strikes = candidates.indices.filter {
            candidates[$0].kind == .heelStrike && candidates[$0].rejectReason == nil
        }
        .sorted { candidates[$0].time < candidates[$1].time }
        var steady = Set<Int>()
        func mark(_ group: [Int], maxInterval: Double) {
            let chains = PelvisBobMethod.rhythmicChains(
                group.map { candidates[$0].time }, minInterval: options.minStepInterval, maxInterval: maxInterval)
            for chain in chains where chain.count >= 3 { for k in chain { steady.insert(group[k]) } }
        }
        mark(strikes, maxInterval: options.maxStepInterval)
        for foot in Foot.allCases {
            mark(strikes.filter { candidates[$0].foot == foot }, maxInterval: 2 * options.maxStepInterval)
        }
        var out = candidates
        for i in strikes where !steady.contains(i) {
            out[i].rejectReason = "no steady rhythm (the walker does not travel)"
        }
        return out
    }
}
