import FootfallCore
import Foundation
import Logging

/// Tracks several walkers through a video: each walker's next crop comes from its own landmarks (MediaPipe's
/// landmarks-to-ROI loop); the detector only searches for new walkers, on the whole frame and on overlapping tiles,
/// spread over frames. Ids are never reused for another person; a walker lost for a moment (occluded, missed) who
/// reappears where its motion predicts continues under its old id (`LostWalkers`). A walker whose body is outside
/// the picture counts as not seen (the landmark model extrapolates there), so it ends when it leaves.
///
/// Not thread-safe: feed frames in order from one thread.
public final class PoseTracker {
    public let options: PoseTrackerOptions
    private let detector: PoseDetector
    private let landmarkModel: LandmarkModel
    private var tracks: [WalkerTrack] = []
    private var lost: LostWalkers
    private var nextID = 0
    private var wholeCredit = 0.0
    private var tileCredit = 0.0
    private var nextTile = 0
    private var lastLostSearch = -Double.infinity
    private var lastTime: Double?
    private let logger = Logger(label: "footfall.pose")
    /// Detector runs so far (one per region searched), for diagnostics.
    public private(set) var detectorRuns = 0
    public private(set) var landmarkRuns = 0

    public init(detector: PoseDetector, landmarkModel: LandmarkModel, options: PoseTrackerOptions = .init()) {
        self.detector = detector
        self.landmarkModel = landmarkModel
        self.options = options
        lost = LostWalkers(window: options.relinkTime)
        detector.minScore = options.minDetectionScore
    }

    /// Convenience: loads both models from the resource home.
    public convenience init(options: PoseTrackerOptions = .init(), threads: Int = 1) throws {
        let files = try ModelFiles.locate()
        try LiteRTRuntime.load(path: files.library)
        self.init(
            detector: try PoseDetector(modelPath: files.detector, threads: threads),
            landmarkModel: try LandmarkModel(modelPath: files.landmarks, threads: threads), options: options)
    }

    /// Processes the next frame (frames must come in presentation order).
    public func process(_ frame: RGBFrame) throws -> PoseFrame {
        var walkers: [WalkerPose] = []
        var anyMissing = false
        lost.forget(before: frame.time)
        // 1. Follow every known walker from its previous crop.
        for index in tracks.indices {
            let roi = tracks[index].missingFrames > 0 ? tracks[index].predictedROI(at: frame.time) : tracks[index].roi
            if let pose = try follow(&tracks[index], frame: frame, roi: roi) {
                walkers.append(pose)
            } else {
                anyMissing = true
            }
        }
        removeDuplicates(&walkers, time: frame.time)
        // 2. Search some regions for new walkers (and lost ones).
        for detection in try search(frame, urgent: tracks.isEmpty || anyMissing) {
            let hip = detection.keypoints[0]
            let side = detection.roi.width
            if let index = tracks.firstIndex(where: { $0.isSamePerson(hip: hip, side: side, time: frame.time) }) {
                // Known walker: re-acquire it from the detection if it was lost in this frame.
                guard tracks[index].missingFrames > 0,
                    let pose = try follow(&tracks[index], frame: frame, roi: detection.roi)
                else { continue }
                walkers.append(pose)
                continue
            }
            guard tracks.count < options.maxWalkers else { break }
            var track = WalkerTrack(id: nextID, roi: detection.roi, time: frame.time)
            guard var pose = try follow(&track, frame: frame, roi: detection.roi),
                pose.box.height >= options.minBodyFraction * detection.roi.width,
                !tracks.contains(where: {
                    $0.missingFrames == 0 && $0.isSamePerson(hip: track.hip, side: track.side, time: frame.time)
                })
            else { continue }
            let visible = tracks.filter { $0.missingFrames == 0 }.map(\.hip)
            if let id = lost.claim(
                hip: track.hip, side: track.side, time: frame.time, visible: visible,
                width: Double(frame.width), height: Double(frame.height))
            {
                track.id = id
                pose.walker = id
                logger.debug("walker \(id) reappears at \(String(format: "%.2f", frame.time)) s")
            } else {
                nextID += 1
                logger.debug("walker \(track.id) appears at \(String(format: "%.2f", frame.time)) s")
            }
            tracks.append(track)
            walkers.append(pose)
        }
        // 3. End walkers missing for too long (kept a while for re-linking unless they left the picture).
        tracks.removeAll { track in
            let gone = track.missingFrames > 0 && frame.time - track.lastSeen > options.maxMissingTime
            if gone {
                logger.debug(
                    "walker \(track.id) ends at \(String(format: "%.2f", frame.time)) s\(track.leftPicture ? " (left the picture)" : "")"
                )
                if !track.leftPicture { lost.add(id: track.id, motion: track.motion, lostAt: track.lastSeen) }
            }
            return gone
        }
        lastTime = frame.time
        walkers.sort { $0.walker < $1.walker }
        return PoseFrame(time: frame.time, frame: frame.index, walkers: walkers)
    }

    /// Runs the landmark model for `track` on `roi`; updates the track and returns its pose when the person is there.
    private func follow(_ track: inout WalkerTrack, frame: RGBFrame, roi: RotatedRect) throws -> WalkerPose? {
        landmarkRuns += 1
        let result = try landmarkModel.run(frame, roi: roi)
        guard result.presence > options.minPresence, result.auxiliary.count == 2 else {
            track.missingFrames += 1
            track.resetSmoothing()
            return nil
        }
        let rawAux = result.auxiliary
        let objectScale = RotatedRect.alignment(start: rawAux[0], end: rawAux[1], scale: 1).width
        let time = frame.time
        let aux = track.auxiliary.smooth(
            rawAux.map { Landmark(x: $0.x, y: $0.y) }, time: time, objectScale: objectScale)
        guard Self.isInPicture(result.landmarks, width: frame.width, height: frame.height) else {
            track.missingFrames += 1
            track.leftPicture = true
            track.resetSmoothing()
            return nil
        }
        let landmarks =
            options.smoothing
            ? track.body.smooth(result.landmarks, time: time, objectScale: objectScale) : result.landmarks
        let world = options.smoothing ? track.world.smooth(result.world, time: time) : result.world
        let next = RotatedRect.alignment(
            start: Point2D(x: aux[0].x, y: aux[0].y), end: Point2D(x: aux[1].x, y: aux[1].y))
        guard next.width.isFinite, next.width > 1 else {
            track.missingFrames += 1
            return nil
        }
        track.update(roi: next, time: time)
        let box =
            BoundingBox.enclosing(landmarks.map { Point2D(x: $0.x, y: $0.y) })
            ?? BoundingBox(x: next.centerX, y: next.centerY, width: 0, height: 0)
        return WalkerPose(
            walker: track.id, landmarks: landmarks, box: box, score: result.presence, world: Self.rounded(world))
    }

    /// World landmarks to 0.1 mm: far below the model's accuracy, and it keeps pose files small (JSON would
    /// otherwise carry 17 digits per coordinate).
    static func rounded(_ points: [Point3D]) -> [Point3D] {
        points.map { p in
            Point3D(x: (p.x * 1e4).rounded() / 1e4, y: (p.y * 1e4).rounded() / 1e4, z: (p.z * 1e4).rounded() / 1e4)
        }
    }

    /// True when a body is in the picture: hip centre inside, and at least half the landmarks — or both legs from
    /// the knees down (a shot of the legs, the hips above the picture: the walker is there, stepping).
    static func isInPicture(_ landmarks: [Landmark], width: Int, height: Int) -> Bool {
        func inside(_ x: Double, _ y: Double) -> Bool {
            x >= 0 && x < Double(width) && y >= 0 && y < Double(height)
        }
        let hips = [LandmarkIndex.leftHip.rawValue, LandmarkIndex.rightHip.rawValue]
        guard landmarks.count > LandmarkIndex.rightFootIndex.rawValue else { return false }
        let hipX = (landmarks[hips[0]].x + landmarks[hips[1]].x) / 2
        let hipY = (landmarks[hips[0]].y + landmarks[hips[1]].y) / 2
        let insideCount = landmarks.filter { inside($0.x, $0.y) }.count
        let legs = LandmarkIndex.leftKnee.rawValue...LandmarkIndex.rightFootIndex.rawValue
        let legsInside = legs.allSatisfy { inside(landmarks[$0].x, landmarks[$0].y) }
        return (inside(hipX, hipY) && 2 * insideCount >= landmarks.count) || legsInside
    }

    /// Two tracks that converged on one person (typically the crop of a walker hidden behind another slid onto
    /// the one in front): the older id stays. Which of the two people it now follows is unknown (their hips
    /// coincide and, in the demo, so do their colours), so the dropped id is kept for re-linking along both
    /// walkers' earlier paths: whoever reappears from behind continues under it (at worst the two ids swap, as
    /// they may at any crossing, instead of a third id).
    private func removeDuplicates(_ walkers: inout [WalkerPose], time: Double) {
        var dropped = Set<Int>()
        for i in tracks.indices where tracks[i].missingFrames == 0 && !dropped.contains(tracks[i].id) {
            for j in tracks.indices where j > i && tracks[j].missingFrames == 0 && !dropped.contains(tracks[j].id) {
                let (a, b) = (tracks[i], tracks[j])
                guard a.isSamePerson(hip: b.hip, side: b.side, time: b.lastSeen) else { continue }
                let (older, younger) = a.id < b.id ? (a, b) : (b, a)
                dropped.insert(younger.id)
                lost.add(id: younger.id, motion: younger.reference, lostAt: time)
                lost.add(id: younger.id, motion: older.reference, lostAt: time)
                logger.debug(
                    "walker \(younger.id) ends at \(String(format: "%.2f", time)) s (merged into walker \(older.id))")
            }
        }
        guard !dropped.isEmpty else { return }
        tracks.removeAll { dropped.contains($0.id) }
        walkers.removeAll { dropped.contains($0.walker) }
    }

    /// Detections from this frame's share of the search. The whole frame is searched every `searchInterval`
    /// seconds, the tiles round-robin so that all are covered every `tileSearchInterval` seconds (the work is spread
    /// over frames); `urgent` adds the whole frame (nobody tracked, or a walker was just lost), as MediaPipe
    /// re-detects on every frame without a pose; walkers lost recently are looked for where they should be.
    private func search(_ frame: RGBFrame, urgent: Bool) throws -> [PersonDetection] {
        let whole = RotatedRect.letterbox(width: Double(frame.width), height: Double(frame.height))
        let tiles = options.tileGrid(width: frame.width, height: frame.height).regions(
            width: frame.width, height: frame.height)
        if let lastTime {
            let elapsed = max(0, frame.time - lastTime)
            wholeCredit += options.searchInterval > 0 ? elapsed / options.searchInterval : 1
            tileCredit +=
                options.tileSearchInterval > 0 ? Double(tiles.count) * elapsed / options.tileSearchInterval : 0
        } else {
            wholeCredit = 1
            tileCredit = Double(tiles.count)
        }
        var chosen: [RotatedRect] = []
        if wholeCredit >= 1 || urgent {
            wholeCredit = 0
            chosen.append(whole)
        }
        tileCredit = min(tileCredit, Double(tiles.count))
        while tileCredit >= 1 {
            tileCredit -= 1
            chosen.append(tiles[nextTile % tiles.count])
            nextTile = (nextTile + 1) % tiles.count
        }
        if !lost.walkers.isEmpty, frame.time - lastLostSearch >= options.lostSearchInterval - 1e-6 {
            lastLostSearch = frame.time
            chosen += lost.searchRegions(at: frame.time, width: frame.width, height: frame.height)
        }
        var detections: [PersonDetection] = []
        for region in chosen {
            detectorRuns += 1
            detections += try detector.detect(frame, region: region)
        }
        return chosen.count > 1 ? DetectionDecoder.weightedNMS(detections) : detections
    }
}
