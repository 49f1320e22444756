import FootfallCore
import Foundation
import MocapSimulation

/// `--trace CLIP`: the checks to run by eye before trusting the simulation — the synthetic heel at floor level at
/// the contact times, the nose in front of the head, BlazePose's left on the person's left, world y down and z
/// away from the camera.
enum SanityTrace {
    static func run(
        clip: MocapClip, azimuths: [Double], frameRate: Double, elevation: Double, height: Double,
        noise: PoseNoiseOptions, pan: Double? = nil
    ) -> String {
        var out: [String] = []
        out.append("\(clip.name) (\(clip.category.rawValue)), \(clip.samples.count) samples from \(clip.startTime) s")
        // Heel height above the levelled floor at each truth contact, from the mocap itself.
        for (foot, times, point) in [
            ("left", clip.contacts.left, BodyPoint.leftHeel), ("right", clip.contacts.right, BodyPoint.rightHeel),
        ] {
            let h = times.map { clip.points(at: $0)[point.rawValue].y }
            out.append(
                "\(foot) heel height at its contacts (m): "
                    + zip(times, h).map { String(format: "%.3f s: %+.3f", $0, $1) }.joined(separator: ", "))
        }
        // When the synthetic heel reached the floor (within 1 cm) before each contact, and how fast it still moved.
        for (foot, times, point) in [
            ("left", clip.contacts.left, BodyPoint.leftHeel), ("right", clip.contacts.right, BodyPoint.rightHeel),
        ] {
            let dt = clip.sampleInterval
            let cells = times.map { t -> String in
                var u = t
                while u - dt > clip.startTime && clip.points(at: u - dt)[point.rawValue].y < 0.01 { u -= dt }
                let speed = { (x: Double) in
                    (clip.points(at: x + dt)[point.rawValue] - clip.points(at: x - dt)[point.rawValue]).horizontal
                        .length
                        / (2 * dt)
                }
                return String(
                    format: "%.3f s: down %+.0f ms (%.2f m/s), at contact %.2f m/s", t, (u - t) * 1000,
                    speed(u), speed(t))
            }
            out.append("\(foot) heel within 1 cm of the floor: " + cells.joined(separator: "; "))
        }
        let heels = clip.samples.flatMap { [$0[BodyPoint.leftHeel.rawValue].y, $0[BodyPoint.rightHeel.rawValue].y] }
        out.append(
            String(
                format: "heel height over the clip: min %+.3f, 5th percentile %+.3f m", heels.min() ?? 0,
                heels.sorted()[heels.count / 20]))
        let facing = clip.meanFacing
        let nose = clip.samples.map { s in
            (s[BodyPoint.headFront.rawValue] - s[BodyPoint.head.rawValue]).horizontal.normalized.dot(facing)
        }
        out.append(
            String(
                format: "head-front · body facing: mean %.2f, min %.2f (1 = nose straight ahead)",
                nose.reduce(0, +) / Double(nose.count), nose.min() ?? 0))

        for az in azimuths {
            var c = SimulationCondition(azimuth: az, elevation: elevation, walkerHeight: height, frameRate: frameRate)
            c.noise = noise
            if let pan { c.pan = .follow(lag: pan) }
            c.seed = StableSeed.of("trace", clip.name)
            let sim = MocapSimulator.simulate(clip, c)
            out.append("")
            out.append(
                String(
                    format: "azimuth %.0f°: %d frames at %.0f fps, %dx%d, camera %.1f m, focal %.0f px", az,
                    sim.frames.count, frameRate, sim.info.width, sim.info.height, sim.shot.distance, sim.shot.focal))
            guard let mid = sim.frames[sim.frames.count / 2].walkers.first else { continue }
            let w = mid.world ?? []
            func lm(_ i: LandmarkIndex) -> Landmark { mid.landmarks[i.rawValue] }
            func wd(_ i: LandmarkIndex) -> Point3D { w[i.rawValue] }
            out.append(
                String(
                    format: "  mid frame: left hip x %.0f, right hip x %.0f px; nose z %+.0f (px, <0 nearer);"
                        + " world nose (%+.2f %+.2f %+.2f), left heel (%+.2f %+.2f %+.2f) m",
                    lm(.leftHip).x, lm(.rightHip).x, lm(.nose).z, wd(.nose).x, wd(.nose).y, wd(.nose).z,
                    wd(.leftHeel).x, wd(.leftHeel).y, wd(.leftHeel).z))
            // Heels in the picture against the floor: the projection of the floor point under each heel.
            let camera = sim.shot.cameras[sim.frames.count / 2]
            out.append("  time   | L heel y  floor y  vis | R heel y  floor y  vis | contact")
            let contacts = sim.truth.steps
            for f in sim.frames {
                guard let p = f.walkers.first else { continue }
                let body = clip.points(at: sim.fileTimeOrigin + f.time)
                var cells: [String] = [String(format: "  %6.3f", f.time)]
                for (lmIndex, bp) in [(LandmarkIndex.leftHeel, BodyPoint.leftHeel), (.rightHeel, .rightHeel)] {
                    let floorY = camera.project(body[bp.rawValue].horizontal).y
                    let l = p.landmarks[lmIndex.rawValue]
                    cells.append(String(format: "%8.1f %8.1f %4.2f", l.y, floorY, l.visibility))
                }
                let near = contacts.filter { abs($0.time - f.time) < 0.5 / frameRate }
                cells.append(
                    near.map { "\($0.foot.rawValue) strike\($0.scored ? "" : " (partial)")" }.joined(separator: ", "))
                out.append(cells.joined(separator: " | "))
            }
        }
        return out.joined(separator: "\n")
    }
}
