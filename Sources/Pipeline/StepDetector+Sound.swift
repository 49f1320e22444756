import FootfallCore
import Foundation
import Logging
import MediaIO
import Steps

extension StepDetector {
    /// Steps from the poses, then aligned on the footstep sounds in `video`'s own audio when it evidently carries
    /// them (`FootstepSoundCue`; off with `options.followSound = false`). A video without audio, or audio that
    /// cannot be read, leaves the picture's steps as they are.
    public func detect(frames: [PoseFrame], info: VideoInfo, video: String) -> StepDetection {
        let detection = detect(frames: frames, info: info)
        guard options.followSound, detection.heelStrikes.count + detection.unconfirmed.count >= 2 else {
            return detection
        }
        let heard: (attacks: [Double], duration: Double)?
        do {
            heard = try Self.attacks(in: video)
        } catch {
            Logger(label: "footfall.steps").warning(
                "could not read the audio of \(video) to time the steps on their sound (\(error)); using the picture only"
            )
            return detection
        }
        guard let heard else { return detection }
        return detection.aligned(
            onAttacks: heard.attacks, audioDuration: heard.duration, frames: frames, lateBias: options.lateBias)
    }

    /// The attacks (`OnsetDetector`) in a file's audio and its length in seconds; nil without audio. Read in
    /// 30-second chunks overlapping by 1 s, each keeping the attacks of its own stretch (up to the middle of the
    /// overlaps), so a long film is never in memory whole and a loud bang only raises the threshold near it.
    static func attacks(in path: String, chunkSeconds: Double = 30, overlapSeconds: Double = 1) throws -> (
        attacks: [Double], duration: Double
    )? {
        var attacks: [Double] = []
        var duration = 0.0
        let detector = OnsetDetector()
        let found = try forEachAudioChunk(path: path, chunkSeconds: chunkSeconds, overlapSeconds: overlapSeconds) {
            start, audio in
            let length = Double(audio.frameCount) / Double(max(audio.sampleRate, 1))
            let isLast = length < chunkSeconds + overlapSeconds - 1e-6
            let from = start == 0 ? -Double.infinity : start + overlapSeconds / 2
            let to = isLast ? Double.infinity : start + chunkSeconds + overlapSeconds / 2
            attacks += detector.detect(audio).map { $0 + start }.filter { $0 >= from && $0 < to }
            duration = max(duration, start + length)
        }
        return found ? (attacks.sorted(), duration) : nil
    }
}
