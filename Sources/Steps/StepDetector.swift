import FootfallCore
import Foundation
import Logging

/// Heel strikes and toe-offs per walker and foot from pose landmark trajectories.
///
/// Per walker: split into continuous tracks (gaps, identity jumps), resample on a fine uniform grid (VFR-safe,
/// real PTS), remove single-frame glitches, zero-phase low-pass, find the stride cycle in the walker's own frame
/// (`GaitCycleMethod`; the pelvis's bounce where the feet are unseen), then keep only what looks like a gait
/// (`GaitPlausibility`). `--method cascade|zeni|vertical` runs the earlier per-view methods instead.
public struct StepDetector: Sendable {
    public var options: StepDetectorOptions
    static let logger = Logger(label: "footfall.steps")

    public init(options: StepDetectorOptions = .init()) {
        self.options = options
    }

    /// Low-pass cut-off for a video frame rate: min(maxCutoff, nyquistFraction × Nyquist).
    public func cutoff(frameRate: Double) -> Double {
        let rate = frameRate.isFinite && frameRate > 0 ? frameRate : 30
        return min(options.maxCutoffHz, options.nyquistFraction * rate / 2)
    }

    public func detect(frames: [PoseFrame], info: VideoInfo) -> StepDetection {
        let frameRate = Self.effectiveFrameRate(frames: frames, info: info)
        var options = options
        // One missed frame must not split a track: at 10 fps it leaves 0.2 s between samples.
        options.maxBridgedGap = max(options.maxBridgedGap, 2.2 / frameRate)
        let cutoffHz = cutoff(frameRate: frameRate)
        // Several grid samples per frame so extrema and crossings fall between frames on real time.
        let gridRate = min(max(4 * frameRate, 100), 480)
        let tracks = WalkerTrack.tracks(from: frames, maxGap: options.maxBridgedGap)
        let frameTimes = frames.map { ($0.time, $0.frame) }.sorted { $0.0 < $1.0 }

        var strikes: [StepEvent] = []
        var unconfirmed: [StepEvent] = []
        var toeOffs: [StepEvent] = []
        var diagnostics: [WalkerDiagnostics] = []
        for walker in tracks.keys.sorted() {
            let walkerTracks = tracks[walker] ?? []
            var candidates: [GaitCandidate] = []
            var toeCandidates: [GaitCandidate] = []
            var trajectories: [GaitTrajectories] = []
            var views: [(ViewClassifier.Result, Int)] = []
            var methods = Set<String>()
            var rejectedTracks: [String] = []
            var heelSeen: [(times: [Double], usable: [Foot: [Bool]])] = []
            for track in walkerTracks where track.times.count >= 3 {
                let signals = SegmentSignals(
                    track: track, options: options, gridRate: gridRate, cutoffHz: cutoffHz,
                    frameSize: (Double(info.width), Double(info.height)))
                heelSeen.append((track.times, signals.heelUsable))
                var view = ViewClassifier().classify(signals, background: Self.background(track, on: signals.grid))
                if !track.isUpright() {
                    view.view = .stationary
                    rejectedTracks.append(
                        String(
                            format: "track %.2f–%.2f s: not upright (nose, pelvis, heels out of order)",
                            track.times.first ?? 0, track.times.last ?? 0))
                }
                Self.logger.debug(
                    "walker \(walker) track \(String(format: "%.2f", track.times.first ?? 0))–\(String(format: "%.2f", track.times.last ?? 0)) s: \(view.view.rawValue), excursion \(String(format: "%.2f", view.footExcursion)), correlation \(view.footCorrelation.map { String(format: "%.2f", $0) } ?? "-"), lateral \(String(format: "%.2f", view.lateralSpeed)) h/s, approach \(String(format: "%.2f", view.approachRate))/s"
                )
                if !signals.confusedTimes.isEmpty {
                    Self.logger.debug(
                        "walker \(walker): legs confused at \(signals.confusedTimes.map { String(format: "%.3f", $0) }.joined(separator: ", ")) s"
                    )
                }
                views.append((view, track.times.count))
                let (found, method) = methodEvents(track: track, signals: signals, view: view, cutoffHz: cutoffHz)
                if let method { methods.insert(method) }
                candidates += found.filter { $0.kind == .heelStrike }
                toeCandidates += found.filter { $0.kind == .toeOff }
                trajectories.append(Self.trajectories(signals, direction: view.lateralSpeed))
            }
            let seen: (Foot, Double) -> Bool = { foot, t in
                guard let track = heelSeen.first(where: { ($0.times.first ?? 0) <= t && t <= ($0.times.last ?? 0) }),
                    let usable = track.usable[foot],
                    let i = track.times.indices.min(by: { abs(track.times[$0] - t) < abs(track.times[$1] - t) })
                else { return false }
                return i < usable.count && usable[i]
            }
            var (accepted, rejected, uncertain, doubted) = GaitPlausibility(options: options).accept(
                candidates, heelSeen: seen)
            if options.method == .automatic {
                accepted = StrideCycleSmoother(maxStepInterval: options.maxStepInterval).smooth(accepted)
                // Someone who does not travel (or whose travel the picture does not show) walks only if the steps
                // keep a rhythm: three or more at a steady cadence. A punch, a kick or a weight shift makes one or
                // two. A step too uncertain to sound still shows the rhythm.
                // Two steps make a stride when the feet take turns and each swung a full stride (`minStrideSpread`
                // leg lengths; walkers 0.5–1.0, a weight shift or a punch's step barely half of it) ahead: a walker
                // in a 2-second clip, a slow walker the camera follows.
                let travels = views.contains { $0.0.travels }
                if !travels {
                    let rhythm = (accepted.map { ($0, true) } + uncertain.map { ($0, false) })
                        .sorted { $0.0.time < $1.0.time }
                    let chains = PelvisBobMethod.rhythmicChains(
                        rhythm.map(\.0.time), minInterval: options.minStepInterval,
                        maxInterval: options.maxStepInterval)
                    func stride(_ chain: [Int]) -> Bool {
                        chain.count == 2 && rhythm[chain[0]].0.foot != rhythm[chain[1]].0.foot
                            && chain.allSatisfy {
                                rhythm[$0].0.cues.contains("stride")
                                    && (rhythm[$0].0.swing ?? 0) >= options.minStrideSpread
                            }
                    }
                    let steadyTimes = Set(
                        chains.filter { $0.count >= 3 || stride($0) }.flatMap { $0 }.filter { rhythm[$0].1 }
                            .map { rhythm[$0].0.time })
                    let steady = Set(accepted.indices.filter { steadyTimes.contains(accepted[$0].time) })
                    for (i, e) in accepted.enumerated() where !steady.contains(i) {
                        doubted.append(e)
                        rejected.append(
                            "no steady rhythm (the walker does not travel) at \(String(format: "%.3f", e.time)) s (\(e.foot.rawValue))"
                        )
                    }
                    accepted = accepted.enumerated().filter { steady.contains($0.offset) }.map(\.element)
                }
            }
            let cadence = Self.cadence(accepted)
            strikes += accepted.map { event(from: $0, walker: walker, frames: frameTimes, cadence: cadence) }
            unconfirmed += doubted.map { event(from: $0, walker: walker, frames: frameTimes, cadence: cadence) }
            if !accepted.isEmpty {
                // Toe-offs only where the walker has a gait (a toe-off without steps is not reported).
                let span = (accepted.first?.time ?? 0) - 1...(accepted.last?.time ?? 0) + 1
                toeOffs += toeCandidates.filter { span.contains($0.time) && $0.confidence >= options.minConfidence }
                    .map { event(from: $0, walker: walker, frames: frameTimes, cadence: cadence) }
            }
            let dominant = views.max { $0.1 < $1.1 }?.0
            diagnostics.append(
                WalkerDiagnostics(
                    walker: walker, view: dominant?.view ?? .stationary,
                    method: methods.isEmpty ? "none" : methods.sorted().joined(separator: "+"),
                    frameCount: walkerTracks.reduce(0) { $0 + $1.times.count }, segments: walkerTracks.count,
                    lateralSpeed: dominant?.lateralSpeed ?? 0, approachRate: dominant?.approachRate ?? 0,
                    groundSpeed: dominant?.groundMeasured == true ? dominant?.groundSpeed : nil,
                    footExcursion: dominant?.footExcursion ?? 0, cutoffHz: cutoffHz, heelStrikes: accepted.count,
                    rejected: rejectedTracks + rejected, trajectories: trajectories))
            Self.logger.debug(
                "walker \(walker): view \(dominant?.view.rawValue ?? "-"), \(accepted.count) heel strikes, \(rejected.count) rejected\(rejected.isEmpty ? "" : ": " + rejected.joined(separator: "; "))"
            )
        }
        strikes.sort { ($0.time, $0.walker) < ($1.time, $1.walker) }
        toeOffs.sort { ($0.time, $0.walker) < ($1.time, $1.walker) }
        var detection = StepDetection(heelStrikes: strikes, toeOffs: toeOffs, walkers: diagnostics)
        detection.unconfirmed = unconfirmed.sorted { ($0.time, $0.walker) < ($1.time, $1.walker) }
        return detection
    }

    func chooseMethod(_ view: GaitView) -> GaitMethodChoice {
        switch options.method {
        case .zeni, .vertical: return options.method
        case .automatic, .cascade:
            switch view {
            case .side: return .zeni
            case .frontal: return .vertical
            case .stationary: return .automatic
            }
        }
    }

    private func event(from c: GaitCandidate, walker: Int, frames: [(Double, Int)], cadence: Double?) -> StepEvent {
        // Late, never early: a fixed bias plus more delay the less certain the event is.
        let time = max(0, c.time + options.lateBias + options.uncertainLateBias * (1 - c.confidence))
        // Walking speed in heights/s (without a side view from cadence, step length ≈ 0.41 × height); normal walking
        // (~0.7 h/s) maps to ~0.5, running (≥ 1.3 h/s) to 1.
        let speed = c.speed ?? cadence.map { 0.41 * $0 / 60 }
        let intensity = speed.map { min(1, max(0.05, $0 / 1.3)) }
        return StepEvent(
            time: time, frame: Self.nearestFrame(time, frames), walker: walker, foot: c.foot,
            confidence: (c.confidence * 1000).rounded() / 1000, kind: c.kind, method: c.method, position: c.position,
            walkerHeight: c.walkerHeight, intensity: intensity, cues: c.cues.isEmpty ? [c.method] : c.cues)
    }

    /// The camera's offset (`PoseFrame.camera`) on a track's grid; empty when the pose stage did not measure it.
    static func background(_ track: WalkerTrack, on grid: TrajectoryGrid) -> [(dx: Double, dy: Double)?] {
        guard track.camera.contains(where: { $0 != nil }) else { return [] }
        let dx = grid.resample(times: track.times, values: track.camera.map { $0?.dx }, maxGap: 1)
        let dy = grid.resample(times: track.times, values: track.camera.map { $0?.dy }, maxGap: 1)
        return zip(dx, dy).map { a, b in
            guard let a, let b else { return nil }
            return (a, b)
        }
    }

    /// Steps per minute from the median interval between a walker's consecutive steps.
    static func cadence(_ events: [GaitCandidate]) -> Double? {
        let intervals = zip(events.dropFirst(), events).map { $0.time - $1.time }.filter { $0 < 1.5 }
        guard let m = SignalMath.median(intervals), m > 0 else { return nil }
        return 60 / m
    }

    static func nearestFrame(_ time: Double, _ frames: [(Double, Int)]) -> Int {
        guard !frames.isEmpty else { return 0 }
        var lo = 0
        var hi = frames.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if frames[mid].0 < time { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0 && abs(frames[lo - 1].0 - time) <= abs(frames[lo].0 - time) { lo -= 1 }
        return frames[lo].1
    }

    /// The frame rate the pose frames actually have (median PTS step), falling back to the container's.
    static func effectiveFrameRate(frames: [PoseFrame], info: VideoInfo) -> Double {
        let times = frames.map(\.time).sorted()
        let steps = zip(times.dropFirst(), times).map { $0 - $1 }.filter { $0 > 0 }
        if let m = SignalMath.median(steps), m > 0 { return 1 / m }
        return info.frameRate > 0 ? info.frameRate : 30
    }

    static func trajectories(_ s: SegmentSignals, direction: Double) -> GaitTrajectories {
        // Decimated to ~50 samples/s: enough for plots.
        let every = max(1, Int((0.02 / s.grid.step).rounded()))
        let idx = Array(stride(from: 0, to: s.grid.count, by: every))
        func rel(_ foot: Foot, _ vertical: Bool) -> [Double?] {
            idx.map { i in
                guard let ch = s.feet[foot], let h = s.height[i], h > 0 else { return nil }
                if vertical {
                    guard let y = ch.heelY[i], let py = s.pelvisY[i] else { return nil }
                    return (y - py) / h
                }
                guard let x = ch.heelX[i], let px = s.pelvisX[i] else { return nil }
                return (x - px) / h
            }
        }
        return GaitTrajectories(
            times: idx.map { s.grid.time(Double($0)) }, height: idx.map { s.height[$0] ?? 0 },
            leftHeelForward: rel(.left, false), rightHeelForward: rel(.right, false),
            leftHeelVertical: rel(.left, true), rightHeelVertical: rel(.right, true))
    }
}
