import MocapSimulation

/// Which (clip, condition) pairs the sweep runs: marginal sweeps around a default shot (30 fps, 200 px, camera
/// 10° above hip height, still) rather than the full product, so the whole sweep takes minutes on two cores.
struct SweepPlan {
    struct Run: Sendable {
        var clip: Int
        var condition: SimulationCondition
    }

    static let allAzimuths: [Double] = stride(from: 0, to: 360, by: 30).map(Double.init)
    static let eightAzimuths: [Double] = stride(from: 0, to: 360, by: 45).map(Double.init)
    static let frameRates: [Double] = [10, 15, 24, 30, 60]
    static let heights: [Double] = [60, 80, 100, 200, 400, 700]
    /// Table (a)'s walker heights ("≥ 100 px").
    static let gridHeights: [Double] = [100, 200, 400]
    static let elevations: [Double] = [0, 10, 20, 45]
    static let panLag = 0.5
    static let trackLag = 0.3
    static let vfrJitter = 0.3

    var runs: [Run] = []
    private var seen = Set<String>()
    private var seeds = 1

    init(clips: [MocapClip], quick: Bool, noise: PoseNoiseOptions, seeds: Int = 1) {
        self.seeds = max(seeds, 1)
        let headline = clips.indices.filter { clips[$0].category.isHeadline }
        let negatives = clips.indices.filter { clips[$0].category == .negative }
        let everyone = Array(clips.indices)
        let azimuths = quick ? Self.eightAzimuths.filter { Int($0) % 90 == 0 } : Self.eightAzimuths
        let fps = quick ? [10.0, 30, 60] : Self.frameRates
        // (a) azimuth × fps, heights ≥ 100 px; the negatives too, for false steps per minute.
        for az in Self.allAzimuths {
            for rate in fps {
                for h in quick ? [200.0] : Self.gridHeights {
                    add(
                        headline + negatives, clips, SimulationCondition(azimuth: az, walkerHeight: h, frameRate: rate),
                        noise)
                }
            }
        }
        // (b) walker height × fps.
        for h in Self.heights {
            for rate in fps {
                for az in azimuths {
                    add(headline, clips, SimulationCondition(azimuth: az, walkerHeight: h, frameRate: rate), noise)
                }
            }
        }
        // (c) elevation.
        for el in Self.elevations {
            for az in azimuths { add(headline, clips, SimulationCondition(azimuth: az, elevation: el), noise) }
        }
        // (d) a panning and a tracking camera, with and without the true background offset in `PoseFrame.camera`.
        for pan in [SimulationCondition.Pan.follow(lag: Self.panLag), .track(lag: Self.trackLag)] {
            for reports in [true, false] {
                for az in azimuths {
                    var c = SimulationCondition(azimuth: az)
                    c.pan = pan
                    c.reportsCameraMotion = reports
                    add(headline, clips, c, noise)
                }
            }
        }
        // (e) every clip at the default shot from all azimuths.
        for az in Self.allAzimuths { add(everyone, clips, SimulationCondition(azimuth: az), noise) }
        // (f) variable frame rate.
        for az in azimuths {
            var c = SimulationCondition(azimuth: az)
            c.frameTimeJitter = Self.vfrJitter
            add(headline, clips, c, noise)
        }
    }

    private mutating func add(
        _ indices: [Int], _ clips: [MocapClip], _ base: SimulationCondition, _ noise: PoseNoiseOptions
    ) {
        for i in indices {
            let key = clips[i].name + "|" + base.label
            guard seen.insert(key).inserted else { continue }
            for k in 0..<seeds {
                var c = base
                c.noise = noise
                c.seed =
                    k == 0 ? StableSeed.of(clips[i].name, base.label) : StableSeed.of(clips[i].name, base.label, "\(k)")
                runs.append(Run(clip: i, condition: c))
            }
        }
    }
}
