import FootfallCore
import Foundation

/// Turns a mocap clip into what Footfall's pose stage would produce for a video of it: BlazePose's 33 landmarks
/// per frame (pixels of the upright picture, relative depth, visibility, world landmarks), a `VideoInfo`, and the
/// true heel strikes on the video's time axis. Deterministic for a given condition (its `seed`).
public enum MocapSimulator {
    static let walkerID = 1
    /// Lower-leg landmarks a leg swap exchanges (knee, ankle, heel, foot index), as (left, right).
    static let swappedPairs = [(25, 26), (27, 28), (29, 30), (31, 32)]

    public static func simulate(_ clip: MocapClip, _ c: SimulationCondition) -> SimulatedClip {
        var timingRNG = SeededRandom(seed: c.seed, stream: 1)
        var noiseRNG = SeededRandom(seed: c.seed, stream: 2)
        var eventRNG = SeededRandom(seed: c.seed, stream: 3)
        let n = c.noise
        let fps = max(c.frameRate, 1)
        // A random sub-frame phase: the first video frame falls anywhere within a frame interval of the mocap.
        let origin = clip.startTime + timingRNG.unit() / fps
        let times = FrameTiming.times(
            duration: clip.endTime - origin, frameRate: fps, jitter: c.frameTimeJitter, rng: &timingRNG)
        let fileTimes = times.map { origin + $0 }
        let shot = ShotPlanner.plan(clip: clip, condition: c, fileTimes: fileTimes)
        let events = NoiseEvents(times: times, options: n, rng: &eventRNG)

        let count = LandmarkIndex.count
        // Channels: image x, y, z, world x, y, z per landmark.
        var jitter = CorrelatedNoise(channels: 6 * count, correlationTime: n.correlationTime, rng: &noiseRNG)
        var box = CorrelatedNoise(channels: 2, correlationTime: n.boxJitterTime, rng: &noiseRNG)
        var frames: [PoseFrame] = []
        frames.reserveCapacity(times.count)
        var previousCamera: PinholeCamera?
        var background = (dx: 0.0, dy: 0.0)
        for (k, t) in times.enumerated() {
            if k > 0 {
                jitter.advance(by: t - times[k - 1], rng: &noiseRNG)
                box.advance(by: t - times[k - 1], rng: &noiseRNG)
            }
            let camera = shot.cameras[k]
            if let previous = previousCamera {
                let step = backgroundStep(clip: clip, fileTime: fileTimes[k], from: previous, to: camera)
                background = (background.dx + step.dx, background.dy + step.dy)
            }
            previousCamera = camera
            let body = clip.points(at: fileTimes[k])
            let world = BlazePoseMapping.landmarks(body)
            let projected = world.map { camera.project($0) }
            let walkerHeight = max(ShotPlanner.projectedHeight(body, camera: camera), 1)
            let hidden =
                n.occlusion ? LegOcclusion.hidden(projected, focal: camera.focal, halfWidth: n.legHalfWidth) : []
            let headForward = camera.cameraDirection(body[BodyPoint.headFront.rawValue] - body[BodyPoint.head.rawValue])
            let faceHidden = n.occlusion && headForward.normalized.z > 0.3
            let hip = Vec3.mix(world[LandmarkIndex.leftHip.rawValue], world[LandmarkIndex.rightHip.rawValue], 0.5)
            let hipDepth = max(camera.cameraCoordinates(hip).z, 0.1)
            let scaleHeight = max(walkerHeight, n.smallWalkerHeight)
            let shiftX = box[0] * n.boxJitterSigma * scaleHeight
            let shiftY = box[1] * n.boxJitterSigma * scaleHeight

            var landmarks: [Landmark] = []
            var worldOut: [Point3D] = []
            landmarks.reserveCapacity(count)
            worldOut.reserveCapacity(count)
            for i in 0..<count {
                let p = projected[i]
                let inside = camera.isInPicture(x: p.x, y: p.y)
                var scale = 1.0
                var visibility = noiseRNG.uniform(n.visibleVisibility)
                var presence = max(visibility, noiseRNG.uniform(n.visibleVisibility))
                if hidden.contains(i) {
                    scale *= n.occludedErrorScale
                    visibility = noiseRNG.uniform(n.occludedVisibility)
                } else if faceHidden && i <= LandmarkIndex.mouthRight.rawValue {
                    visibility = noiseRNG.uniform(n.hiddenFaceVisibility)
                }
                if !inside {
                    scale *= n.outsideErrorScale
                    if n.flagsOutsidePoints {
                        visibility = noiseRNG.uniform(n.outsideVisibility)
                        presence = noiseRNG.uniform(n.outsideVisibility)
                    }
                }
                let relative = n.sigma(of: i) * scaleHeight
                let sigma = (relative * relative + n.blurPixels * n.blurPixels).squareRoot() * scale
                // BlazePose's z: depth relative to the hip centre in the x pixel scale, negative = nearer.
                let z = (p.depth - hipDepth) * camera.focal / hipDepth
                landmarks.append(
                    Landmark(
                        x: p.x + sigma * jitter[6 * i] + shiftX, y: p.y + sigma * jitter[6 * i + 1] + shiftY,
                        z: z + n.depthSigma * scaleHeight * scale * jitter[6 * i + 2], visibility: visibility,
                        presence: presence))
                // World landmarks: metres from the hip centre in camera axes (x right, y down, z away).
                let w = camera.cameraDirection(world[i] - hip)
                let feet = i >= LandmarkIndex.leftAnkle.rawValue ? 1.5 : 1.0
                worldOut.append(
                    Point3D(
                        x: w.x + n.worldSigma * feet * scale * jitter[6 * i + 3],
                        y: w.y + n.worldSigma * feet * scale * jitter[6 * i + 4],
                        z: w.z + n.worldDepthSigma * feet * scale * jitter[6 * i + 5]))
            }
            if let g = events.glitch[k] {
                for (l, r) in swappedPairs.dropFirst() {
                    let (moved, toward) = g.left ? (l, r) : (r, l)
                    landmarks[moved].x += g.fraction * (landmarks[toward].x - landmarks[moved].x)
                    landmarks[moved].y += g.fraction * (landmarks[toward].y - landmarks[moved].y)
                }
            }
            if events.swapped[k] {
                for (l, r) in swappedPairs {
                    landmarks.swapAt(l, r)
                    worldOut.swapAt(l, r)
                }
            }
            var walkers: [WalkerPose] = []
            if !events.dropped[k] {
                walkers.append(
                    WalkerPose(
                        walker: walkerID, landmarks: landmarks, box: boundingBox(landmarks, height: walkerHeight),
                        score: noiseRNG.uniform(n.score), world: worldOut))
            }
            frames.append(
                PoseFrame(
                    time: t, frame: k, walkers: walkers,
                    camera: c.pan != .fixed && c.reportsCameraMotion
                        ? CameraMotion(dx: background.dx, dy: background.dy, confidence: 0.9) : nil))
        }
        let end = times.last ?? 0
        let info = VideoInfo(
            path: "mocap/\(clip.name)@\(c.label).sim", container: "simulated", videoCodec: "none",
            codedWidth: shot.width, codedHeight: shot.height, rotation: 0, frameRate: fps,
            isVariableFrameRate: c.frameTimeJitter > 0, duration: end + 1 / fps, frameCount: times.count,
            audioStreams: [])
        return SimulatedClip(
            clip: clip.name, category: clip.category, condition: c, frames: frames, info: info,
            truth: SimulatedTruth(contacts: clip.contacts.shifted(by: -origin), start: 0, end: end),
            fileTimeOrigin: origin, shot: shot)
    }

    /// Around the landmarks, padded by 5 % of the walker's height (BlazePose's box comes from its landmarks).
    static func boundingBox(_ landmarks: [Landmark], height: Double) -> BoundingBox {
        let xs = landmarks.map(\.x)
        let ys = landmarks.map(\.y)
        let pad = 0.05 * height
        let x0 = (xs.min() ?? 0) - pad
        let y0 = (ys.min() ?? 0) - pad
        return BoundingBox(x: x0, y: y0, width: (xs.max() ?? 0) + pad - x0, height: (ys.max() ?? 0) + pad - y0)
    }

    /// How far the background moved in the picture between two frames, where the feet are: the ground point
    /// under the pelvis seen by the previous and by the current camera. Summed over frames this is the background
    /// offset a motion estimator measures (for a turning camera nearly uniform; for a travelling one it depends on
    /// depth, and the feet's depth is the one the detector needs).
    static func backgroundStep(clip: MocapClip, fileTime: Double, from previous: PinholeCamera, to now: PinholeCamera)
        -> (dx: Double, dy: Double)
    {
        let b = clip.points(at: fileTime)
        let ground = Vec3.mix(b[BodyPoint.leftHip.rawValue], b[BodyPoint.rightHip.rawValue], 0.5).horizontal
        let a = previous.project(ground)
        let p = now.project(ground)
        return (p.x - a.x, p.y - a.y)
    }
}
