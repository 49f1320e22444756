import FootfallCore

extension StepDetector {
    /// The gait events of one track from the method its view calls for, and that method's name (nil when the
    /// walker is not walking). The pelvis method takes over where the feet are not seen, and for a walker seen
    /// from the front or back who travels but whose feet show no swing above the landmark jitter (small, robed,
    /// blurred) while the body still bounces with every step.
    func methodEvents(track: WalkerTrack, signals: SegmentSignals, view: ViewClassifier.Result)
        -> (events: [GaitCandidate], method: String?)
    {
        let moving = view.lateralSpeed >= 0.1 || abs(view.approachRate) >= 0.04
        let automatic = options.method == .automatic && track.isUpright()
        let pelvis = PelvisBobMethod(options: options)
        if automatic, signals.feetMostlyUnseen {
            return (pelvis.events(in: signals, moving: moving), PelvisBobMethod.name)
        }
        let method = chooseMethod(view.view)
        var found: [GaitCandidate] = []
        for foot in Foot.allCases {
            switch method {
            case .zeni: found += ZeniMethod(options: options).events(in: signals, foot: foot)
            case .vertical: found += VerticalMethod(options: options).events(in: signals, foot: foot)
            case .automatic: break
            }
        }
        let duration = (track.times.last ?? 0) - (track.times.first ?? 0)
        if automatic, method == .vertical, moving, duration >= 1.5,
            !found.contains(where: { $0.kind == .heelStrike && $0.rejectReason == nil })
        {
            let bounce = pelvis.events(in: signals, moving: true)
            if !bounce.isEmpty { return (bounce, PelvisBobMethod.name) }
        }
        return (found, method == .automatic ? nil : method.rawValue)
    }
}
