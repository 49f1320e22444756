import FootfallCore
import Foundation
import MocapSimulation

/// `--dump CLIP --output FILE.json`: the simulated frames of one clip for a few azimuths, for plotting
/// (bench/mocap_sweep.sh draws them).
enum FrameDump {
    struct Shot: Encodable {
        var azimuth: Double
        var width: Int
        var height: Int
        var truth: [Double]
        var frames: [PoseFrame]
    }

    static func write(
        clip: MocapClip, azimuths: [Double], frameRate: Double, elevation: Double, height: Double,
        noise: PoseNoiseOptions, pan: Double? = nil, track: Double? = nil, camera: Bool = true, sweepSeed: Int? = nil,
        to url: URL
    ) throws {
        let shots = azimuths.map { az in
            var c = SimulationCondition(azimuth: az, elevation: elevation, walkerHeight: height, frameRate: frameRate)
            c.noise = noise
            if let pan { c.pan = .follow(lag: pan) }
            if let track { c.pan = .track(lag: track) }
            c.reportsCameraMotion = camera
            // `sweepSeed` k: the seed the sweep's k-th run of this condition uses (to look at one of its runs).
            if let k = sweepSeed {
                c.seed = k == 0 ? StableSeed.of(clip.name, c.label) : StableSeed.of(clip.name, c.label, "\(k)")
            } else {
                c.seed = StableSeed.of("dump", clip.name, "\(az)")
            }
            let sim = MocapSimulator.simulate(clip, c)
            return Shot(
                azimuth: az, width: sim.info.width, height: sim.info.height, truth: sim.truth.steps.map(\.time),
                frames: sim.frames)
        }
        try JSONEncoder().encode(shots).write(to: url, options: .atomic)
    }
}
